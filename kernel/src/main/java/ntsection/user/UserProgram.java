package ntsection.user;

/**
 * Code that runs as a user-mode thread of a process: a client of a driver, or an
 * attacker. It reaches the system only through its context, as a real program reaches
 * it only through ntdll and its own address space.
 */
@FunctionalInterface
public interface UserProgram {
    void run(UserContext context);
}
