package ntsection.ps;

/**
 * The part of a process token the model needs: whether drivers trust the process
 * (the physical-memory broker and trusted-only devices ask this) and whether it holds
 * SeCreatePermanentPrivilege, which by default only LocalSystem does.
 */
public record Token(String user, boolean trusted, boolean createPermanentPrivilege) {

    public static Token system() {
        return new Token("SYSTEM", true, true);
    }

    public boolean isSystem() {
        return user.equals("SYSTEM");
    }

    public static Token user(String user, boolean trusted) {
        return new Token(user, trusted, false);
    }
}
