package cn.youfu.materials;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Renders the committed OCR test set: synthetic resident ID card fronts, business licences and residence permits
 * (made-up people and companies with valid check characters), then photographed badly — rotation up to 10°, blur, uneven light, JPEG
 * compression, and a quarter of them turned by 90°, 180° or 270°. Each image {@code <name>.jpg} has its ground truth
 * {@code <name>.json} beside it, with the font and layout it was printed in.
 *
 * <p>Materials are printed in turn in each of {@link #FONTS}, the system's: WenQuanYi Micro Hei (Debian
 * {@code fonts-wqy-microhei}; the set was made when Youfu bundled that file, before it bundled the font without
 * hinting), WenQuanYi Zen Hei and Zen Hei Sharp (Debian {@code fonts-wqy-zenhei}), AR PL UMing (a Song/Ming face, as licences
 * print) and AR PL UKai (a Kai face; Debian {@code fonts-arphic-uming}, {@code fonts-arphic-ukai}); a missing font
 * stops the generator rather than making a different set. Business licences alternate between today's two-column
 * layout (name, type, legal representative and business scope on the left; capital, date, term and address on the
 * right) and the older single-column one.
 *
 * <p>Run: {@code mvn -B -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * cn.youfu.materials.TestSetGenerator src/test/resources/materials/testset 110 100 40} (after {@code mvn
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}; bcprov is needed for the check characters). The seed is
 * fixed, so the set is reproducible. Regenerating needs those faces installed ({@code apt-get install
 * fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai}); the tests need none of them: they read
 * the committed images, and {@link #idCard(String, String, String, String)} draws in the font Youfu bundles.
 */
public final class TestSetGenerator {

    /** The faces the set is printed in, in turn: family name and file. */
    static final String[][] FONTS = {
            {"WenQuanYi Micro Hei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"},
            {"WenQuanYi Zen Hei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"},
            {"WenQuanYi Zen Hei Sharp", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"},
            {"AR PL UMing CN", "/usr/share/fonts/truetype/arphic/uming.ttc"},
            {"AR PL UKai CN", "/usr/share/fonts/truetype/arphic/ukai.ttc"}};

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红玉兰文辉林斌鹏宇浩凯晨欣怡婷雪梅海燕晓峰俊丹玲颖鑫琳佳慧春荣德永福生金顺祥瑞安宁清源泽天成铭嘉翔昊思雨萱";
    private static final String[] ETHNICITIES = {"汉", "汉", "汉", "汉", "汉", "汉", "畲", "回", "满", "苗", "壮", "土家",
            "蒙古", "藏", "高山"};
    private static final String[][] DISTRICTS = {{"350102", "鼓楼区"}, {"350103", "台江区"}, {"350104", "仓山区"},
            {"350105", "马尾区"}, {"350111", "晋安区"}, {"350112", "长乐区"}, {"350121", "闽侯县"}, {"350122", "连江县"},
            {"350181", "福清市"}};
    private static final String[] ROADS = {"五四路", "八一七北路", "杨桥东路", "东街", "湖东路", "华林路", "六一中路",
            "工业路", "福飞路", "温泉支路", "江滨西大道", "金山大道", "首山路", "连江中路", "福新东路", "北环中路",
            "铜盘路", "乌山路", "白马北路", "古田路"};
    private static final String[] ESTATES = {"阳光花园", "金山小区", "福泉新村", "三盛国际公园", "融侨锦江", "世欧王庄",
            "左海公寓", "东二环泰禾", "永嘉天地", "万科金域"};
    private static final String[] TRADES = {"科技", "贸易", "网络", "建筑工程", "餐饮管理", "物流", "电子商务", "文化传播",
            "信息技术", "医疗器械", "食品", "教育咨询", "环保科技", "装饰设计", "汽车服务"};
    private static final String WORDS = "鑫华宏远正泰达丰盛兴海博瑞恒安永福闽榕晟源通辰景润嘉信和";
    private static final String[] TYPES = {"有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）",
            "股份有限公司（非上市、自然人投资或控股）", "有限责任公司（法人独资）", "个人独资企业", "有限合伙企业"};
    private static final String[] CAPITALS = {"壹佰万圆整", "伍拾万圆整", "贰佰万圆整", "叁拾万圆整", "伍佰万圆整",
            "壹仟万圆整", "捌拾万圆整", "壹拾万圆整", "叁佰伍拾万圆整", "贰仟万圆整"};

    /** Where holders of a Fuzhou residence permit come from: division codes of other provinces' cities. */
    private static final String[] ELSEWHERE = {"430102", "360102", "510104", "420106", "440106", "330106", "410105",
            "340104", "450102", "520102"};
    private static final String[] SCOPES = {"软件开发", "信息技术咨询服务", "货物进出口", "技术进出口", "日用百货销售",
            "建筑装饰材料销售", "餐饮服务", "道路货物运输", "互联网信息服务", "广告设计、代理", "会议及展览服务",
            "医疗器械经营", "食品销售", "企业管理咨询", "机动车修理和维护", "办公用品销售", "园林绿化工程施工"};

    private final Random random;
    private Font font;
    private String fontName;

    /** The face tests draw with: the WenQuanYi Micro Hei that Youfu bundles for its certificates. */
    private static final String BUNDLED_FONT = "/fonts/wqy-microhei/wqy-microhei-unhinted.ttf";

    private TestSetGenerator(long seed, Font font, String fontName) {
        this.random = new Random(seed);
        this.font = font;
        this.fontName = fontName;
    }

    /**
     * A generator that draws in the font Youfu ships, so that tests read nothing from the machine. The committed set
     * ({@link #main}) is printed in the system's faces instead.
     */
    static TestSetGenerator withBundledFont(long seed) throws Exception {
        try (InputStream in = TestSetGenerator.class.getResourceAsStream(BUNDLED_FONT)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + BUNDLED_FONT + " is not on the class path");
            }
            return new TestSetGenerator(seed, Font.createFont(Font.TRUETYPE_FONT, in), "WenQuanYi Micro Hei");
        }
    }

    /** The face {@code family} from its file; fails when the file or the face is missing. */
    static Font load(String[] font) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(font[1]))) {
            for (var face : Font.createFonts(in)) {
                if (face.getFamily(java.util.Locale.ROOT).equals(font[0])) {
                    return face;
                }
            }
        }
        throw new IllegalStateException("font " + font[0] + " not in " + font[1]);
    }

    public static void main(String[] args) throws Exception {
        var folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/materials/testset");
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int licences = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int permits = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Files.createDirectories(folder);
        var fonts = new Font[FONTS.length];
        for (int f = 0; f < FONTS.length; f++) {
            fonts[f] = load(FONTS[f]);
        }
        var generator = new TestSetGenerator(20261125L, fonts[0], FONTS[0][0]);
        for (int i = 1; i <= cards; i++) {
            generator.use(fonts[(i - 1) % fonts.length], FONTS[(i - 1) % fonts.length][0]);
            generator.write(folder, String.format("id-card-%03d", i), generator.idCard());
        }
        for (int i = 1; i <= licences; i++) {
            generator.use(fonts[(i - 1) % fonts.length], FONTS[(i - 1) % fonts.length][0]);
            generator.write(folder, String.format("licence-%03d", i), generator.licence(i % 2 == 1));
        }
        for (int i = 1; i <= permits; i++) {
            generator.use(fonts[(i - 1) % fonts.length], FONTS[(i - 1) % fonts.length][0]);
            generator.write(folder, String.format("permit-%03d", i), generator.permit());
        }
    }

    void use(Font face, String name) {
        this.font = face;
        this.fontName = name;
    }

    /** A rendered material and what is printed on it, in which font and layout. */
    record Sample(String type, BufferedImage image, Map<String, String> truth, String font, String layout) {
    }

    void write(Path folder, String name, Sample sample) throws IOException {
        var photo = photograph(sample.image());
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var params = writer.getDefaultWriteParam();
        params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        params.setCompressionQuality(0.55f + random.nextFloat() * 0.25f);
        try (var out = ImageIO.createImageOutputStream(folder.resolve(name + ".jpg").toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(photo.image, null, null), params);
        }
        writer.dispose();
        var json = new StringBuilder("{\n  \"type\": \"").append(sample.type()).append("\",\n  \"noise\": \"")
                .append(photo.noise).append("\",\n  \"font\": \"").append(sample.font())
                .append("\",\n  \"layout\": \"").append(sample.layout()).append("\",\n  \"fields\": {");
        var first = true;
        for (var field : sample.truth().entrySet()) {
            json.append(first ? "\n" : ",\n").append("    \"").append(field.getKey()).append("\": \"")
                    .append(field.getValue()).append('"');
            first = false;
        }
        json.append("\n  }\n}\n");
        Files.writeString(folder.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- synthetic people and companies

    private char pick(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String personName() {
        var name = new StringBuilder().append(pick(SURNAMES)).append(pick(GIVEN));
        if (random.nextInt(10) < 7) {
            name.append(pick(GIVEN));
        }
        return name.toString();
    }

    private String address(String[] district) {
        var address = "福建省福州市" + district[1] + pick(ROADS) + (1 + random.nextInt(399)) + "号";
        if (random.nextBoolean()) {
            address += pick(ESTATES) + (1 + random.nextInt(30)) + "座" + (101 + random.nextInt(28) * 100
                    + random.nextInt(6)) + "室";
        }
        return address;
    }

    Sample idCard() {
        var district = pick(DISTRICTS);
        var birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
        boolean male = random.nextBoolean();
        int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
        var first17 = district[0] + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return card(personName(), pick(ETHNICITIES), address(district), first17 + ResidentId.checkCharacter(first17));
    }

    /** The ID card of a given person (sex and birth date from the number), clean: no photograph's noise. */
    public static BufferedImage idCard(String name, String ethnicity, String address, String number) throws Exception {
        return withBundledFont(1).card(name, ethnicity, address, number).image();
    }

    Sample card(String name, String ethnicity, String address, String number) {
        // taken from the digits, not validated: a test may print a number whose check character is wrong
        var birth = LocalDate.parse(number.substring(6, 10) + "-" + number.substring(10, 12) + "-"
                + number.substring(12, 14));
        boolean male = (number.charAt(16) - '0') % 2 == 1;
        var truth = new LinkedHashMap<String, String>();
        truth.put("name", name);
        truth.put("sex", male ? "男" : "女");
        truth.put("ethnicity", ethnicity);
        truth.put("birth_date", birth.toString());
        truth.put("address", address);
        truth.put("id_number", number);

        var image = new BufferedImage(1000, 630, BufferedImage.TYPE_INT_RGB);
        var g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(236, 240, 238), 1000, 630, new Color(214, 226, 232)));
        g.fillRect(0, 0, 1000, 630);
        g.setColor(new Color(200, 214, 222)); // the guilloche the real card has, faintly
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < 14; i++) {
            g.drawOval(520 + i * 9, 40 + i * 6, 300 - i * 12, 220 - i * 8);
        }
        var label = new Color(48, 98, 146);
        var ink = new Color(24, 24, 28);
        text(g, "姓 名", 60, 110, 30, label);
        text(g, truth.get("name"), 180, 110, 36, ink);
        text(g, "性 别", 60, 180, 30, label);
        text(g, truth.get("sex"), 180, 180, 34, ink);
        text(g, "民 族", 300, 180, 30, label);
        text(g, truth.get("ethnicity"), 400, 180, 34, ink);
        text(g, "出 生", 60, 250, 30, label);
        text(g, birth.getYear() + "", 180, 250, 34, ink);
        text(g, "年", 275, 250, 30, label);
        text(g, birth.getMonthValue() + "", 330, 250, 34, ink);
        text(g, "月", 380, 250, 30, label);
        text(g, birth.getDayOfMonth() + "", 430, 250, 34, ink);
        text(g, "日", 480, 250, 30, label);
        text(g, "住 址", 60, 320, 30, label);
        for (int line = 0; line * 12 < address.length(); line++) {
            text(g, address.substring(line * 12, Math.min(address.length(), line * 12 + 12)), 180, 320 + line * 50,
                    32, ink);
        }
        text(g, "公民身份号码", 60, 540, 30, label);
        text(g, number, 300, 540, 40, ink);
        // the portrait: a head and shoulders in grey
        g.setColor(new Color(170, 176, 182));
        g.fillOval(735, 110, 150, 180);
        g.fillRoundRect(680, 290, 260, 170, 120, 120);
        g.dispose();
        return new Sample("id-card-front", image, truth, fontName, "card");
    }

    Sample licence(boolean twoColumns) {
        var district = pick(DISTRICTS);
        var division = district[0];
        var organisation = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            organisation.append(CreditCode.ALPHABET.charAt(random.nextInt(i < 2 ? 31 : 10)));
        }
        var first17 = "91" + division + (random.nextBoolean() ? "MA" + organisation.substring(2)
                : organisation.toString());
        var code = first17 + CreditCode.checkCharacter(first17);
        var established = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(365 * 30));
        var truth = new LinkedHashMap<String, String>();
        var type = pick(TYPES);
        var suffix = type.startsWith("股份") ? "股份有限公司" : type.startsWith("个人独资") ? "商行"
                : type.startsWith("有限合伙") ? "企业（有限合伙）" : "有限公司";
        truth.put("name", "福州" + pick(WORDS) + pick(WORDS) + pick(TRADES) + suffix);
        truth.put("credit_code", CreditCode.of(code).value());
        truth.put("legal_representative", personName());
        truth.put("type", type);
        truth.put("address", address(district).substring(3));
        truth.put("registered_capital", pick(CAPITALS));
        truth.put("established", established.toString());
        var date = established.getYear() + "年" + String.format("%02d", established.getMonthValue()) + "月"
                + String.format("%02d", established.getDayOfMonth()) + "日";
        return twoColumns ? twoColumnLicence(truth, code, date) : singleColumnLicence(truth, code, date);
    }

    /**
     * 福建省居住证: a person from another province living in Fuzhou — the permit's front with name, sex, birth, ID
     * number, Fuzhou address, issuing police office and validity ({@code yyyy.MM.dd-yyyy.MM.dd}).
     */
    Sample permit() {
        var district = pick(DISTRICTS);
        var birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
        boolean male = random.nextBoolean();
        var first17 = pick(ELSEWHERE) + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(500) * 2 + (male ? 1 : 0));
        var number = first17 + ResidentId.checkCharacter(first17);
        var from = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 7));
        var until = from.plusYears(random.nextBoolean() ? 1 : 3);
        var truth = new LinkedHashMap<String, String>();
        truth.put("name", personName());
        truth.put("sex", male ? "男" : "女");
        truth.put("id_number", number);
        truth.put("address", address(district).substring(3));
        truth.put("issuer", "福州市公安局" + district[1].substring(0, district[1].length() - 1) + "分局");
        truth.put("valid_until", until.toString());

        var image = new BufferedImage(1000, 630, BufferedImage.TYPE_INT_RGB);
        var g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(240, 236, 226), 1000, 630, new Color(222, 230, 236)));
        g.fillRect(0, 0, 1000, 630);
        var label = new Color(48, 98, 146);
        var ink = new Color(24, 24, 28);
        text(g, "福建省居住证", 330, 70, 44, new Color(176, 36, 32));
        text(g, "姓 名", 60, 140, 28, label);
        text(g, truth.get("name"), 200, 140, 34, ink);
        text(g, "性 别", 60, 200, 28, label);
        text(g, truth.get("sex"), 200, 200, 32, ink);
        text(g, "出 生", 300, 200, 28, label);
        text(g, birth.getYear() + "年" + birth.getMonthValue() + "月" + birth.getDayOfMonth() + "日", 400, 200, 30,
                ink);
        text(g, "公民身份号码", 60, 260, 28, label);
        text(g, number, 260, 260, 34, ink);
        text(g, "居住地址", 60, 320, 28, label);
        var address = truth.get("address");
        int wrap = 15;
        for (int line = 0; line * wrap < address.length(); line++) {
            text(g, address.substring(line * wrap, Math.min(address.length(), (line + 1) * wrap)), 200,
                    320 + line * 48, 30, ink);
        }
        text(g, "签发机关", 60, 480, 28, label);
        text(g, truth.get("issuer"), 200, 480, 30, ink);
        text(g, "有效期限", 60, 540, 28, label);
        text(g, from.toString().replace('-', '.') + "-" + until.toString().replace('-', '.'), 200, 540, 30, ink);
        g.setColor(new Color(170, 176, 182)); // the portrait
        g.fillOval(770, 130, 130, 160);
        g.fillRoundRect(720, 290, 230, 140, 110, 110);
        g.dispose();
        return new Sample("residence-permit", image, truth, fontName, "permit");
    }

    /** The older licence: every field on its own line, label on the left. */
    private Sample singleColumnLicence(Map<String, String> truth, String code, String date) {
        var image = new BufferedImage(1000, 760, BufferedImage.TYPE_INT_RGB);
        var g = licencePaper(image);
        var red = new Color(196, 40, 36);
        var ink = new Color(20, 20, 24);
        text(g, "营业执照", 400, 120, 56, red);
        text(g, "统一社会信用代码", 60, 200, 24, ink);
        text(g, code, 280, 200, 28, ink);
        var labels = List.of("名　　称", "类　　型", "法定代表人", "注册资本", "成立日期", "住　　所");
        var values = List.of(truth.get("name"), truth.get("type"), truth.get("legal_representative"),
                truth.get("registered_capital"), date, truth.get("address"));
        for (int i = 0; i < labels.size(); i++) {
            text(g, labels.get(i), 60, 280 + i * 62, 28, ink);
            text(g, values.get(i), 240, 280 + i * 62, 28, ink);
        }
        text(g, "登记机关", 640, 680, 26, ink);
        g.setColor(new Color(210, 50, 40, 150)); // the registration authority's seal over the date
        g.setStroke(new BasicStroke(5f));
        g.drawOval(790, 600, 150, 150);
        g.dispose();
        return new Sample("business-licence", image, truth, fontName, "single-column");
    }

    /**
     * Today's licence (2019 style): the credit code top left, a QR code top right, then two columns — name, type,
     * legal representative and the business scope (several lines) on the left; registered capital, date of
     * establishment, term of operation and the address (wrapped) on the right.
     */
    private Sample twoColumnLicence(Map<String, String> truth, String code, String date) {
        var image = new BufferedImage(1200, 820, BufferedImage.TYPE_INT_RGB);
        var g = licencePaper(image);
        var red = new Color(196, 40, 36);
        var ink = new Color(20, 20, 24);
        text(g, "营业执照", 480, 120, 60, red);
        text(g, "（副　本）", 540, 165, 24, ink);
        text(g, "统一社会信用代码", 60, 110, 22, ink);
        text(g, code, 60, 145, 26, ink);
        g.setColor(ink); // the QR code of the national enterprise credit system, as a pattern of modules
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 21; x++) {
                if (random.nextBoolean() || (x < 7 && y < 7) || (x > 13 && y < 7) || (x < 7 && y > 13)) {
                    g.fillRect(1020 + x * 5, 60 + y * 5, 5, 5);
                }
            }
        }
        int size = 26;
        int row = 52;
        int y = 250;
        // the left column is 16 characters wide: a longer value goes on under itself, as on a real licence
        var left = List.of("名　　称", truth.get("name"), "类　　型", truth.get("type"), "法定代表人",
                truth.get("legal_representative"));
        for (int i = 0; i < left.size(); i += 2) {
            text(g, left.get(i), 60, y, size, ink);
            var value = left.get(i + 1);
            for (int line = 0; line * 16 < value.length(); line++) {
                text(g, value.substring(line * 16, Math.min(value.length(), (line + 1) * 16)), 210, y, size, ink);
                y += row;
            }
        }
        int scopeAt = (y - 250) / row;
        text(g, "经营范围", 60, y, size, ink);
        var scope = new StringBuilder();
        while (scope.length() < 40 + random.nextInt(30)) {
            scope.append(pick(SCOPES)).append('；');
        }
        scope.append("（依法须经批准的项目，经相关部门批准后方可开展经营活动）");
        int perLine = 15;
        for (int line = 0; line * perLine < scope.length() && line < 9 - scopeAt; line++) {
            text(g, scope.substring(line * perLine, Math.min(scope.length(), (line + 1) * perLine)), 210,
                    250 + (scopeAt + line) * row, 24, ink);
        }
        text(g, "注册资本", 680, 250, size, ink);
        text(g, truth.get("registered_capital"), 820, 250, size, ink);
        text(g, "成立日期", 680, 250 + row, size, ink);
        text(g, date, 820, 250 + row, size, ink);
        text(g, "营业期限", 680, 250 + 2 * row, size, ink);
        text(g, random.nextBoolean() ? "长期" : date + "至长期", 820, 250 + 2 * row, size, ink);
        text(g, "住　　所", 680, 250 + 3 * row, size, ink);
        var address = truth.get("address");
        int wrap = 13;
        for (int line = 0; line * wrap < address.length(); line++) {
            text(g, address.substring(line * wrap, Math.min(address.length(), (line + 1) * wrap)), 820,
                    250 + (3 + line) * row, size, ink);
        }
        text(g, "登记机关", 760, 740, 26, ink);
        g.setColor(new Color(210, 50, 40, 150)); // the registration authority's seal over the date
        g.setStroke(new BasicStroke(5f));
        g.drawOval(900, 640, 150, 150);
        g.dispose();
        return new Sample("business-licence", image, truth, fontName, "two-column");
    }

    /** The licence's paper and its double frame. */
    private static Graphics2D licencePaper(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        var g = graphics(image);
        g.setColor(new Color(250, 246, 236));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(184, 150, 92));
        g.setStroke(new BasicStroke(6f));
        g.drawRect(18, 18, w - 36, h - 36);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(30, 30, w - 60, h - 60);
        return g;
    }

    private static Graphics2D graphics(BufferedImage image) {
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    private void text(Graphics2D g, String text, int x, int y, int size, Color color) {
        g.setFont(font.deriveFont(Font.PLAIN, size));
        g.setColor(color);
        g.drawString(text, x, y);
    }

    // ---------------------------------------------------------------- the bad photograph

    record Photo(BufferedImage image, String noise) {
    }

    Photo photograph(BufferedImage document) {
        double angle = (random.nextDouble() * 2 - 1) * 10;
        int quarter = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        double blur = random.nextDouble() * 1.2;
        double light = 0.35 + random.nextDouble() * 0.35;
        int margin = 50 + random.nextInt(50);
        int w = document.getWidth() + 2 * margin;
        int h = document.getHeight() + 2 * margin;
        var canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = graphics(canvas);
        g.setColor(new Color(70 + random.nextInt(60), 60 + random.nextInt(50), 50 + random.nextInt(40)));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(document, rotation(angle, w, h, margin), null);
        // uneven light: a shadow falling across from one corner
        var corner = random.nextInt(4);
        g.setPaint(new GradientPaint(corner % 2 == 0 ? 0 : w, corner < 2 ? 0 : h, new Color(0, 0, 0, (int) (255 * light)),
                corner % 2 == 0 ? w * 0.7f : w * 0.3f, corner < 2 ? h * 0.7f : h * 0.3f, new Color(0, 0, 0, 0)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        var image = blur(canvas, blur);
        if (quarter > 0) {
            image = turn(image, quarter);
        }
        var noise = String.format(java.util.Locale.ROOT, "rotation %.1f°, turn %d°, blur %.2f, shadow %.2f", angle,
                quarter * 90, blur, light);
        return new Photo(image, noise);
    }

    private static AffineTransform rotation(double degrees, int w, int h, int margin) {
        var t = AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0);
        t.translate(margin, margin);
        return t;
    }

    private static BufferedImage blur(BufferedImage image, double sigma) {
        if (sigma < 0.3) {
            return image;
        }
        int radius = (int) Math.ceil(sigma * 2);
        int size = radius * 2 + 1;
        float[] weights = new float[size * size];
        float sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                float v = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                weights[(y + radius) * size + x + radius] = v;
                sum += v;
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
    }

    static BufferedImage turn(BufferedImage image, int quarters) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = quarters % 2 == 1;
        var out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        var t = new AffineTransform();
        switch (quarters % 4) {
            case 1 -> {
                t.translate(h, 0);
                t.quadrantRotate(1);
            }
            case 2 -> {
                t.translate(w, h);
                t.quadrantRotate(2);
            }
            case 3 -> {
                t.translate(0, w);
                t.quadrantRotate(3);
            }
            default -> {
            }
        }
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }
}
