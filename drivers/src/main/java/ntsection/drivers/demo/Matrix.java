package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
                if (columns.get(c).aims(Target.of(rows.get(r)))) aimed.add(new int[]{r, c});
            }
        }
        // Plain platform threads: a fork-join worker may run another cell inside this one's wait.
        int threads = Math.max(1, Math.min(aimed.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Cell>> running = new ArrayList<>();
            for (int[] at : aimed) running.add(pool.submit(() -> Cell.run(rows.get(at[0]), columns.get(at[1]), budget)));
            List<Cell> cells = new ArrayList<>();
            for (Future<Cell> cell : running) cells.add(cell.get());
            return new Matrix(rows, columns, List.copyOf(cells), budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the demo was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
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
