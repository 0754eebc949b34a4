package cn.youfu.identity;

import java.util.Optional;

/** Who an account name stands for, to show people by name rather than by account (e.g. in a case's timeline). */
public interface Directory {

    /**
     * The display name of the account {@code username} (an officer's name): a local account, or a member of staff
     * who has signed in to the pages through the identity platform; empty otherwise (e.g. a resident).
     */
    Optional<String> displayName(String username);
}
