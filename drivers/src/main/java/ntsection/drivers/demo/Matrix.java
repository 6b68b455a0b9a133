package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every shipped driver against every attack aimed at its interface, each cell within a
 * fixed budget of schedules from fixed seeds, so the matrix is the same on every run.
 * Cells are independent systems and run in parallel.
 */
public record Matrix(List<Catalogue.Entry> rows, List<Attack> columns, List<Cell> cells, int budget) {

    public static Matrix run(List<Catalogue.Entry> rows, List<Attack> columns, int budget) {
        List<int[]> aimed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).aims(rows.get(r).family())) aimed.add(new int[]{r, c});
            }
        }
        List<Cell> cells = IntStream.range(0, aimed.size()).parallel()
                .mapToObj(i -> Cell.run(rows.get(aimed.get(i)[0]), columns.get(aimed.get(i)[1]), budget))
                .toList();
        return new Matrix(rows, columns, cells, budget);
    }

    public static Matrix runAll(int budget) {
        return run(Catalogue.ENTRIES, Attacks.ALL, budget);
    }

    /** The cell of {@code row} and {@code column}, or null when the attack has nothing to aim at there. */
    public Cell cell(Catalogue.Entry row, Attack column) {
        for (Cell cell : cells) if (cell.driver() == row && cell.attack() == column) return cell;
        return null;
    }
}
