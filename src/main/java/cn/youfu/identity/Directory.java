package cn.youfu.identity;

import java.util.Optional;

/** Who an account name stands for, to show people by name rather than by account (e.g. in a case's timeline). */
public interface Directory {

    /**
     * The display name of the account {@code username} (an officer's name), from the accounts Youfu keeps; empty when
     * it keeps none of that name (e.g. a resident, or in production an account of the identity platform).
     */
    Optional<String> displayName(String username);
}
