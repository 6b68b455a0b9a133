package ntsection.verifier;

import java.util.Objects;

/**
 * Where in driver code a finding happened: the innermost driver frame, as a stack trace
 * names it.
 *
 * @param fileName the source file's name ("Sv6ValidateTwin.java"), or null when the class was compiled without it
 * @param line     the line in that file, or 0 or less when unknown
 */
public record Location(String className, String methodName, String fileName, int line) {

    public Location {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        if (className.isEmpty()) throw new IllegalArgumentException("empty class name");
    }

    /** The frame's location, or null for a null frame (a violation with no driver code on the stack). */
    public static Location of(StackTraceElement frame) {
        return frame == null ? null : new Location(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                frame.getLineNumber());
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** "Class.method(File.java:line)", as a stack trace prints a frame of the application's class loader. */
    public String describe() {
        String source = fileName == null ? "Unknown Source" : hasLine() ? fileName + ":" + line : fileName;
        return className + "." + methodName + "(" + source + ")";
    }

    /**
     * The source file's path below a source root, guessed from the class name the way
     * Maven lays sources out: the package as folders, then the file the frame names
     * (which is the outer class's for a nested class), e.g.
     * "ntsection/drivers/twins/Sv6ValidateTwin.java".
     */
    public String sourcePath() {
        int dot = className.lastIndexOf('.');
        String folder = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        String file = fileName;
        if (file == null) {
            String simple = className.substring(dot + 1);
            int nested = simple.indexOf('$');
            file = (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
        }
        return folder + file;
    }

    @Override
    public String toString() {
        return describe();
    }
}
