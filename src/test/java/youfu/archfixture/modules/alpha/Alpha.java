package youfu.archfixture.modules.alpha;

public class Alpha {
}
