package youfu.archfixture.modules.beta;

import youfu.archfixture.modules.alpha.internal.Secret;

/** Breaks the rule on purpose: reaches into alpha's internals. */
public class Beta {
    Secret secret = new Secret();
}
