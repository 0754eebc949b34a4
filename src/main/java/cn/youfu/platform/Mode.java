package cn.youfu.platform;

/** How Youfu runs: {@code demo} (built-in identity provider, demo accounts and data) or {@code production}. */
public enum Mode {
    DEMO, PRODUCTION
}
