package ntsection.vf;

import java.util.Set;

/**
 * Whose code a stack frame is: the executive's (the packages that model NT, ob, mm, io,
 * ke, ex, nt, ps, vf, user, and {@code ntsection.Executive}), the JDK's, or anybody
 * else's (a driver, a user program, a test). The rule checks, the verifier and the
 * interleaving printer all need the innermost frame that is neither, and must agree.
 */
public final class CodeOwner {
    private static final Set<String> EXECUTIVE_PACKAGES = Set.of("ntsection.ob", "ntsection.mm", "ntsection.io",
            "ntsection.ke", "ntsection.ex", "ntsection.nt", "ntsection.ps", "ntsection.vf", "ntsection.user");
    private static final Set<String> EXECUTIVE_CLASSES = Set.of("ntsection.Executive", "ntsection.ExecutiveConfig");

    private CodeOwner() {
    }

    public static boolean isExecutive(String className) {
        int dot = className.lastIndexOf('.');
        return EXECUTIVE_CLASSES.contains(className) || dot > 0 && EXECUTIVE_PACKAGES.contains(className.substring(0, dot));
    }

    public static boolean isPlatform(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }
}
