package youfu.archfixture.modules.alpha.internal;

/** An internal class of module alpha that nobody outside alpha may use. */
public class Secret {
}
