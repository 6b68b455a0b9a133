package ntsection.script;

import java.util.List;

/** A script that has been parsed and checked: it names only things that exist. */
public record Program(String file, List<Instruction> instructions) {
}
