package ntsection.script;

/** One output of a call, by the name scripts read it with ({@code NAME.FIELD}, {@code -> ... FIELD=VALUE}). */
public record OutputField(String name, OutputFormat format) {
}
