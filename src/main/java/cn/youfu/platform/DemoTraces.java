package cn.youfu.platform;

import java.util.List;

/**
 * What demo mode leaves in a module's tables (demo accounts, the synthetic city). A production instance looks for
 * it at start-up and refuses a database that has any ({@link DemoDataGuard}): such a database was used by a demo
 * instance, whose accounts have a published password and whose residents are made up.
 */
public interface DemoTraces {

    /** Each trace found, in words an operator understands (table, what, how many); empty when there is none. */
    List<String> find();
}
