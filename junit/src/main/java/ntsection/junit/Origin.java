package ntsection.junit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/** The jar or class folder a class was loaded from, as a finding file's class path keeps it. */
final class Origin {
    private Origin() {
    }

    /** One entry, or none for a class that came from neither (a custom loader's): its replay needs the class path by hand. */
    static List<String> of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) return List.of();
        try {
            return List.of(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return List.of();
        }
    }
}
