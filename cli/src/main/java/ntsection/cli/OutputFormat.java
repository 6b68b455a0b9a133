package ntsection.cli;

/** How a command prints its result: for a person, or for a program. */
enum OutputFormat {
    text, json
}
