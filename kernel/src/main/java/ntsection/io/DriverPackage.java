package ntsection.io;

/**
 * A set of drivers shipped outside the kernel (the reference drivers, a user's own):
 * found with java.util.ServiceLoader, so that every booted executive's registry, and
 * with it `driver NAME` and `ntsection drivers`, knows them without the kernel or the
 * command line naming the module.
 */
public interface DriverPackage {
    void register(DriverRegistry registry);
}
