package ntsection.cli;

import ntsection.drivers.Catalogue;
import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Cell;
import ntsection.drivers.demo.Expectations;
import ntsection.drivers.demo.Matrix;
import ntsection.drivers.demo.Verdict;
import ntsection.verifier.json.JsonWriter;
import ntsection.vf.Harm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's matrix for a person (a grid, a legend, the harms with their seeds) or for a program (JSON). */
final class DemoReport {
    private static final int ROW_LABEL = 28;
    private static final int WHAT = 27;
    private static final int COLUMN = 15;

    private DemoReport() {
    }

    static String text(Matrix matrix) {
        return grid(matrix).lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    private static String grid(Matrix matrix) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("ntsection demo: %d drivers x %d attacks, at most %d schedules a cell (seeds 1..%d,"
                        + " odd random walk, even PCT)%n%n", matrix.rows().size(), matrix.columns().size(), matrix.budget(),
                matrix.budget()));
        out.append(pad("driver", ROW_LABEL)).append(pad("what", WHAT));
        for (Attack attack : matrix.columns()) out.append(pad(attack.name(), COLUMN));
        out.append('\n');
        List<String> mismatches = new ArrayList<>();
        for (Catalogue.Entry row : matrix.rows()) {
            out.append(pad(row.serviceName(), ROW_LABEL)).append(pad(row.what(), WHAT));
            for (Attack attack : matrix.columns()) {
                Cell cell = matrix.cell(row, attack);
                String text = cell == null ? "-" : cell.verdict().label();
                if (cell != null && !Expectations.met(cell)) {
                    text += "!";
                    mismatches.add(row.serviceName() + " x " + attack.name() + ": expected "
                            + Expectations.of(row, attack).label() + ", got " + cell.verdict().label());
                }
                out.append(pad(text, COLUMN));
            }
            out.append('\n');
        }
        out.append("\n-: the attack has nothing to aim at in this driver's interface.\n\nAttacks:\n");
        for (Attack attack : matrix.columns()) out.append("  ").append(pad(attack.name(), COLUMN)).append(attack.summary()).append('\n');
        out.append("\nHarms (first schedule that showed each; replay with the seed):\n");
        for (Cell cell : matrix.cells()) {
            if (cell.verdict() == Verdict.BLOCKED) continue;
            out.append(String.format("  %s x %s, seed %d (%s):%n", cell.driver().serviceName(), cell.attack().name(),
                    cell.seed(), cell.strategy()));
            for (Harm harm : cell.harms()) out.append("    ").append(harm).append('\n');
        }
        out.append('\n');
        if (mismatches.isEmpty()) {
            out.append("Every cell as expected: reference drivers block every attack, each twin shows its rule's harm.\n");
        } else {
            out.append(mismatches.size()).append(" cells differ from their expectation (marked !):\n");
            for (String mismatch : mismatches) out.append("  ").append(mismatch).append('\n');
        }
        return out.toString();
    }

    static String json(Matrix matrix) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schedules", matrix.budget());
        root.put("drivers", matrix.rows().stream().map(DemoReport::driver).toList());
        root.put("attacks", matrix.columns().stream().map(attack -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", attack.name());
            column.put("summary", attack.summary());
            return column;
        }).toList());
        root.put("cells", matrix.cells().stream().map(DemoReport::cell).toList());
        root.put("asExpected", matrix.cells().stream().allMatch(Expectations::met));
        return JsonWriter.write(root);
    }

    private static Map<String, Object> driver(Catalogue.Entry entry) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", entry.serviceName());
        driver.put("kind", entry.kind());
        if (entry.isReference()) driver.put("protocol", entry.family().protocol());
        else driver.put("rule", entry.rule().name());
        return driver;
    }

    private static Map<String, Object> cell(Cell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("driver", cell.driver().serviceName());
        json.put("attack", cell.attack().name());
        json.put("result", cell.verdict().label());
        json.put("expected", Expectations.of(cell.driver(), cell.attack()).label());
        json.put("schedules", cell.schedules());
        if (cell.verdict() != Verdict.BLOCKED) {
            json.put("seed", cell.seed());
            json.put("strategy", cell.strategy());
        }
        json.put("harms", cell.harms().stream().map(harm -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", harm.kind().label());
            entry.put("message", harm.message());
            return entry;
        }).toList());
        return json;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
