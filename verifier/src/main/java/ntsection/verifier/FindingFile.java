package ntsection.verifier;

import ntsection.verifier.json.JsonException;
import ntsection.verifier.json.JsonObject;
import ntsection.verifier.json.JsonReader;
import ntsection.verifier.json.JsonWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finding saved with what it takes to replay it, the file {@code ntsection replay FILE}
 * reads: the driver as {@code --driver} named it (a service name or a class name, which
 * resolves again with the class path), the class path its classes came from, scenario
 * parameters beyond the finding's own seed, strategy, schedule and calls (PCT's depth,
 * a preemption bound, the attacker's name... as strings, named by whoever explores), and
 * the finding. Saving and loading give back an equal FindingFile.
 *
 * <pre>{@code
 * {
 *   "format": "ntsection-finding",
 *   "version": 1,
 *   "driver": "sv6-validate-twin",
 *   "classpath": ["drivers/target/classes"],
 *   "parameters": {"depth": "3"},
 *   "finding": {"rule": "SV6", "message": ..., "seed": 42, "strategy": "pct", "schedule": [0, 1, 1], ...}
 * }
 * }</pre>
 *
 * @param classpath  class path entries, in order (empty when the driver ships with ntsection)
 * @param parameters scenario parameters, in order
 */
public record FindingFile(String driver, List<String> classpath, Map<String, String> parameters, Finding finding) {
    /** The value of the "format" member, which says what the file is. */
    public static final String FORMAT = "ntsection-finding";
    /** The layout version written; loading refuses newer ones. */
    public static final int VERSION = 1;

    public FindingFile {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(finding, "finding");
        classpath = List.copyOf(classpath);
        parameters.forEach((name, value) -> {
            Objects.requireNonNull(name, "parameter name");
            Objects.requireNonNull(value, "parameter " + name);
        });
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public FindingFile(String driver, List<String> classpath, Finding finding) {
        this(driver, classpath, Map.of(), finding);
    }

    /** The finding's seed. */
    public long seed() {
        return finding.seed();
    }

    /** The finding's strategy. */
    public String strategy() {
        return finding.strategy();
    }

    /** The finding's schedule, as {@code new ntsection.ke.Replay(int[])} takes it. */
    public int[] schedule() {
        return finding.scheduleArray();
    }

    /** The finding's calls. */
    public List<String> calls() {
        return finding.calls();
    }

    /** A file name for the n-th finding of a run, e.g. "finding-03-SV6.json". */
    public static String fileName(int number, Finding finding) {
        return String.format("finding-%02d-%s.json", number, finding.ruleId());
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("driver", driver);
        json.put("classpath", classpath);
        json.put("parameters", parameters);
        json.put("finding", FindingJson.write(finding));
        return JsonWriter.write(json);
    }

    /** JsonException when the text is not JSON or not a finding file (the message says which member). */
    public static FindingFile fromJson(String text) {
        JsonObject json = JsonReader.readObject(text);
        if (!FORMAT.equals(json.get("format"))) {
            throw new JsonException("not a finding file: $.format is " + json.get("format") + ", not \"" + FORMAT + "\"");
        }
        int version = json.intValue("version");
        if (version > VERSION || version < 1) {
            throw new JsonException("finding file layout " + version + "; this ntsection reads 1 to " + VERSION);
        }
        return new FindingFile(json.string("driver"), json.strings("classpath"), json.stringMap("parameters"),
                FindingJson.read(json.object("finding")));
    }

    /** Writes the file as UTF-8, through a temporary file beside it so that a reader never sees half of one. */
    public void save(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null) Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, absolute.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Saves each of {@code files} in {@code folder} as {@link #fileName} names it, after
     * deleting the finding files already there: a file left by an earlier run with more
     * findings would pass for one of this run's. Returns where each finding went.
     */
    public static Map<Finding, Path> saveAll(Path folder, List<FindingFile> files) throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, "finding-*.json")) {
            for (Path file : stale) Files.delete(file);
        }
        Map<Finding, Path> saved = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            FindingFile file = files.get(i);
            Path path = folder.resolve(fileName(i + 1, file.finding()));
            file.save(path);
            saved.put(file.finding(), path);
        }
        return saved;
    }

    /** Reads a file {@link #save} wrote: IOException if it cannot be read, JsonException if it is not a finding file. */
    public static FindingFile load(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
