package ntsection.drivers.demo;

import ntsection.drivers.Catalogue;

public class MatrixProbe {
    public static void main(String[] args) {
        long start = System.nanoTime();
        Matrix matrix = Matrix.runAll(Integer.parseInt(args[0]));
        for (Cell cell : matrix.cells()) {
            System.out.printf("%-28s %-16s %-15s seed=%d %s%n", cell.driver().serviceName(), cell.attack().name(),
                    cell.verdict().label(), cell.seed(), cell.harms());
        }
        System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
