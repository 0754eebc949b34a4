package cn.youfu.materials;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Renders the held-out OCR evaluation set ({@code src/test/resources/materials/heldout/}): ID-card fronts, business
 * licences and residence permits made with a configuration of its own, so that no reader can be tuned to it by
 * accident — other faces than the development set's ({@link TestSetGenerator}), other layouts (labels with and
 * without letter-spacing or a colon, other positions and sizes, a licence drawn as a ruled form), other people
 * (given names from a wider list, compound surnames), and photographed differently: tilt up to ±15° with a
 * perspective (the corners moved independently), Gaussian or motion blur, uneven light with a colour cast, a glare
 * spot or a vignette, JPEG quality 0.5–0.85, a cluttered table (other papers, a pen, a cup, printed scraps), and a
 * third of them turned by 90°, 180° or 270°.
 *
 * <p>The held-out set is never used to choose a reader's parameters (docs/benchmarks.md): it is read only by the
 * benchmark. Faces (Debian packages, needed only to make the set again; the tests read the committed images): Noto
 * Sans CJK SC and Noto Serif CJK SC, regular and bold ({@code fonts-noto-cjk}), Droid Sans Fallback
 * ({@code fonts-droid-fallback}), AR PL SungtiL GB and AR PL KaitiM GB ({@code fonts-arphic-gbsn00lp},
 * {@code fonts-arphic-gkai00mp}).
 *
 * <p>Run (seed fixed, so the set is reproducible): {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * cn.youfu.materials.HeldOutSetGenerator src/test/resources/materials/heldout 100 80 30}.
 */
public final class HeldOutSetGenerator {

    static final String[][] FONTS = {
            {"Noto Sans CJK SC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"},
            {"Noto Serif CJK SC", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"},
            {"Droid Sans Fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"},
            {"AR PL SungtiL GB", "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"},
            {"Noto Sans CJK SC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"},
            {"AR PL KaitiM GB", "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"},
            {"Noto Serif CJK SC", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"}};
    private static final String[] FONT_NAMES = {"Noto Sans CJK SC", "Noto Serif CJK SC", "Droid Sans Fallback",
            "AR PL SungtiL GB", "Noto Sans CJK SC Bold", "AR PL KaitiM GB", "Noto Serif CJK SC Bold"};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
            "曾", "萧", "田", "董", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "卢", "姜",
            "崔", "钟", "谭", "陆", "范", "金", "廖", "夏", "韦", "方", "邹", "熊", "邱", "江", "尹", "薛", "段", "雷",
            "黎", "欧阳", "上官", "司马", "诸葛", "翁", "施", "洪", "柯", "庄", "詹", "游", "卓", "连", "倪", "温", "池"};
    private static final String GIVEN = "子轩梓涵浩宇欣怡一诺雨桐思远俊杰佳琪诗涵宇航晓东志强丽华秀兰淑芬建军婉婷"
            + "嘉怡振华晨曦若溪承泽锦程沐阳紫萱靖雯海峰文斌泓毅亦菲玮琛昕妍焕然晟睿翊辰钰彤瑾瑜炜蕾皓轩";
    private static final String[] ETHNICITIES = {"汉", "汉", "汉", "汉", "汉", "畲", "回", "满", "壮", "苗", "彝", "侗",
            "瑶", "白", "傣"};
    private static final String[][] DISTRICTS = {{"350102", "鼓楼区"}, {"350103", "台江区"}, {"350104", "仓山区"},
            {"350105", "马尾区"}, {"350111", "晋安区"}, {"350112", "长乐区"}, {"350123", "罗源县"},
            {"350124", "闽清县"}, {"350125", "永泰县"}, {"350181", "福清市"}};
    private static final String[] ROADS = {"鼓屏路", "北大路", "西二环中路", "斗门路", "二环路", "南江滨西大道",
            "浦上大道", "则徐大道", "盘屿路", "横屿路", "福马路", "秀峰路", "螺洲路", "龙津路", "玉融路"};
    private static final String[] ESTATES = {"融信澜郡", "正祥香榭", "金辉花园", "建发央著", "中庚城", "阳光城",
            "旭辉江山", "招商雍景湾"};
    private static final String[] TRADES = {"软件", "供应链管理", "茶业", "包装材料", "会展服务", "智能装备", "生物科技",
            "新能源", "母婴用品", "体育文化", "建材", "家居", "机械设备", "水产"};
    private static final String WORDS = "鼎新宸力金佳中天创隆祥宏锦辉峰卓豪旭瀚骏融侨";
    private static final String[] TYPES = {"有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）",
            "有限责任公司（外商投资企业法人独资）", "股份有限公司（非上市、自然人投资或控股）", "个人独资企业",
            "有限合伙企业", "有限责任公司（国有独资）"};
    private static final String[] CAPITALS = {"伍佰万元整", "壹仟万元整", "叁佰万元整", "陆拾万圆整", "贰佰伍拾万元整",
            "捌佰万元整", "壹佰万元整"};
    private static final String[] ELSEWHERE = {"430103", "360104", "510107", "420111", "440111", "330108", "410102",
            "341102", "370102", "610113", "500103"};
    private static final String CLUTTER = "通知会议纪要发票收据报价单合同附件说明书日程安排备忘录价格清单";

    private final Random random = new Random(20261208L);
    private final Font[] fonts;
    private Font font;
    private int fontIndex;

    private HeldOutSetGenerator(Font[] fonts) {
        this.fonts = fonts;
    }

    public static void main(String[] args) throws Exception {
        var folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/materials/heldout");
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int licences = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        int permits = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Files.createDirectories(folder);
        var faces = new Font[FONTS.length];
        for (int f = 0; f < FONTS.length; f++) {
            faces[f] = TestSetGenerator.load(FONTS[f]);
        }
        var generator = new HeldOutSetGenerator(faces);
        for (int i = 1; i <= cards; i++) {
            generator.use(i);
            generator.write(folder, String.format("id-card-%03d", i), generator.idCard());
        }
        for (int i = 1; i <= licences; i++) {
            generator.use(i);
            generator.write(folder, String.format("licence-%03d", i), generator.licence(i % 3));
        }
        for (int i = 1; i <= permits; i++) {
            generator.use(i);
            generator.write(folder, String.format("permit-%03d", i), generator.permit());
        }
    }

    private void use(int i) {
        fontIndex = (i - 1) % fonts.length;
        font = fonts[fontIndex];
    }

    private record Sample(String type, BufferedImage image, Map<String, String> truth, String layout) {
    }

    // ---------------------------------------------------------------- people and companies

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private char pick(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }

    private String personName() {
        var name = new StringBuilder(pick(SURNAMES)).append(pick(GIVEN));
        if (random.nextInt(10) < 7) {
            name.append(pick(GIVEN));
        }
        return name.toString();
    }

    private String address(String[] district) {
        var address = "福建省福州市" + district[1] + pick(ROADS) + (1 + random.nextInt(688)) + "号";
        if (random.nextInt(3) > 0) {
            address += pick(ESTATES) + (1 + random.nextInt(40)) + "号楼" + (1 + random.nextInt(3)) + "单元"
                    + (101 + random.nextInt(30) * 100 + random.nextInt(4)) + "室";
        }
        return address;
    }

    private String residentNumber(String division, LocalDate birth, boolean male) {
        var first17 = division + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(500) * 2 + (male ? 1 : 0));
        return first17 + ResidentId.checkCharacter(first17);
    }

    // ---------------------------------------------------------------- the documents

    private Sample idCard() {
        var district = pick(DISTRICTS);
        var birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(365 * 70));
        boolean male = random.nextBoolean();
        var number = residentNumber(district[0], birth, male);
        var truth = new LinkedHashMap<String, String>();
        truth.put("name", personName());
        truth.put("sex", male ? "男" : "女");
        truth.put("ethnicity", pick(ETHNICITIES));
        truth.put("birth_date", birth.toString());
        truth.put("address", address(district));
        truth.put("id_number", number);
        var image = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
        var g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(226, 236, 244), 856, 540, new Color(238, 232, 220)));
        g.fillRect(0, 0, 856, 540);
        g.setColor(new Color(205, 218, 226)); // wavy security lines
        for (int k = 0; k < 18; k++) {
            for (int x = 0; x < 856; x += 4) {
                int y = 30 + k * 28 + (int) (6 * Math.sin(x / 23.0 + k));
                g.fillRect(x, y, 3, 1);
            }
        }
        boolean spaced = random.nextBoolean();
        var label = new Color(30 + random.nextInt(40), 80 + random.nextInt(40), 140 + random.nextInt(40));
        var ink = new Color(10 + random.nextInt(30), 10 + random.nextInt(30), 10 + random.nextInt(30));
        int lx = 40 + random.nextInt(20);
        int vx = lx + 95 + random.nextInt(15);
        int ls = 24 + random.nextInt(4);
        int vs = 28 + random.nextInt(5);
        text(g, spaced ? "姓  名" : "姓名", lx, 90, ls, label);
        text(g, truth.get("name"), vx, 90, vs + 2, ink);
        text(g, spaced ? "性  别" : "性别", lx, 150, ls, label);
        text(g, truth.get("sex"), vx, 150, vs, ink);
        text(g, spaced ? "民  族" : "民族", vx + 100, 150, ls, label);
        text(g, truth.get("ethnicity"), vx + 190, 150, vs, ink);
        text(g, spaced ? "出  生" : "出生", lx, 210, ls, label);
        text(g, birth.getYear() + "年" + birth.getMonthValue() + "月" + birth.getDayOfMonth() + "日", vx, 210, vs,
                ink);
        text(g, spaced ? "住  址" : "住址", lx, 270, ls, label);
        var address = truth.get("address");
        int wrap = 11 + random.nextInt(2);
        for (int line = 0; line * wrap < address.length(); line++) {
            text(g, address.substring(line * wrap, Math.min(address.length(), (line + 1) * wrap)), vx,
                    270 + line * 42, vs - 2, ink);
        }
        text(g, "公民身份号码", lx, 470, ls, label);
        text(g, number, lx + 185, 470, vs + 4, ink, spaced ? 3 + random.nextInt(4) : 0);
        g.setColor(new Color(160 + random.nextInt(30), 165, 172)); // the portrait
        g.fillOval(615, 90, 140, 170);
        g.fillRoundRect(565, 260, 240, 150, 110, 110);
        g.dispose();
        return new Sample("id-card-front", image, truth, spaced ? "card, spaced labels" : "card, tight labels");
    }

    /**
     * A licence in one of three layouts: 0 a ruled form (labels in cells), 1 two columns with labels followed by a
     * colon, 2 a single column with the code at the bottom.
     */
    private Sample licence(int layout) {
        var district = pick(DISTRICTS);
        var organisation = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            organisation.append(CreditCode.ALPHABET.charAt(random.nextInt(i < 2 ? 31 : 10)));
        }
        var first17 = (random.nextInt(4) == 0 ? "92" : "91") + district[0]
                + (random.nextBoolean() ? "MA" + organisation.substring(2) : organisation.toString());
        var code = first17 + CreditCode.checkCharacter(first17);
        var established = LocalDate.of(1992, 1, 1).plusDays(random.nextInt(365 * 33));
        var type = pick(TYPES);
        var suffix = type.startsWith("股份") ? "股份有限公司" : type.startsWith("个人独资") ? "经营部"
                : type.startsWith("有限合伙") ? "企业（有限合伙）" : "有限公司";
        var truth = new LinkedHashMap<String, String>();
        truth.put("name", "福州" + pick(WORDS) + pick(WORDS) + pick(TRADES) + suffix);
        truth.put("credit_code", code);
        truth.put("legal_representative", personName());
        truth.put("type", type);
        truth.put("address", address(district).substring(3));
        truth.put("registered_capital", pick(CAPITALS));
        truth.put("established", established.toString());
        var date = established.getYear() + "年" + String.format("%02d", established.getMonthValue()) + "月"
                + String.format("%02d", established.getDayOfMonth()) + "日";
        return switch (layout) {
            case 0 -> formLicence(truth, date);
            case 1 -> colonLicence(truth, date);
            default -> bottomCodeLicence(truth, date);
        };
    }

    private static final String[] LABELS = {"名称", "类型", "法定代表人", "注册资本", "成立日期", "住所"};

    private String[] values(Map<String, String> truth, String date) {
        return new String[] {truth.get("name"), truth.get("type"), truth.get("legal_representative"),
                truth.get("registered_capital"), date, truth.get("address")};
    }

    private Sample formLicence(Map<String, String> truth, String date) {
        var image = new BufferedImage(1100, 780, BufferedImage.TYPE_INT_RGB);
        var g = paper(image, new Color(252, 250, 244));
        var ink = new Color(25, 25, 30);
        text(g, "营 业 执 照", 400, 95, 50, new Color(180, 30, 30));
        text(g, "统一社会信用代码：" + truth.get("credit_code"), 70, 160, 24, ink);
        var values = values(truth, date);
        g.setColor(new Color(120, 110, 100));
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i <= values.length; i++) {
            g.drawLine(60, 190 + i * 80, 1040, 190 + i * 80);
        }
        g.drawLine(60, 190, 60, 190 + values.length * 80);
        g.drawLine(250, 190, 250, 190 + values.length * 80);
        g.drawLine(1040, 190, 1040, 190 + values.length * 80);
        for (int i = 0; i < values.length; i++) {
            text(g, LABELS[i], 80, 240 + i * 80, 24, ink);
            text(g, values[i], 275, 240 + i * 80, 26, ink);
        }
        seal(g, 860, 650);
        g.dispose();
        return new Sample("business-licence", image, truth, "ruled form");
    }

    private Sample colonLicence(Map<String, String> truth, String date) {
        var image = new BufferedImage(1240, 860, BufferedImage.TYPE_INT_RGB);
        var g = paper(image, new Color(249, 244, 230));
        var ink = new Color(20, 20, 20);
        text(g, "营业执照", 520, 130, 64, new Color(190, 35, 30));
        text(g, "统一社会信用代码", 80, 100, 22, ink);
        text(g, truth.get("credit_code"), 80, 135, 26, ink);
        var values = values(truth, date);
        int y = 270;
        for (int i = 0; i < 3; i++) {
            text(g, LABELS[i] + "：", 80, y, 26, ink);
            var v = values[i];
            for (int line = 0; line * 15 < v.length(); line++) {
                text(g, v.substring(line * 15, Math.min(v.length(), (line + 1) * 15)), 230, y, 26, ink);
                y += 56;
            }
        }
        text(g, "经营范围：", 80, y, 26, ink);
        text(g, "一般项目：技术服务、技术开发；", 230, y, 24, ink);
        text(g, "货物进出口。", 230, y + 50, 24, ink);
        for (int i = 3; i < 6; i++) {
            text(g, LABELS[i] + "：", 700, 270 + (i - 3) * 56, 26, ink);
        }
        text(g, values[3], 850, 270, 26, ink);
        text(g, values[4], 850, 326, 26, ink);
        var address = values[5];
        for (int line = 0; line * 13 < address.length(); line++) {
            text(g, address.substring(line * 13, Math.min(address.length(), (line + 1) * 13)), 850, 382 + line * 56,
                    26, ink);
        }
        seal(g, 960, 720);
        g.dispose();
        return new Sample("business-licence", image, truth, "two columns, colons");
    }

    private Sample bottomCodeLicence(Map<String, String> truth, String date) {
        var image = new BufferedImage(1000, 820, BufferedImage.TYPE_INT_RGB);
        var g = paper(image, new Color(246, 246, 240));
        var ink = new Color(30, 30, 40);
        text(g, "营业执照", 390, 110, 54, new Color(175, 30, 40));
        text(g, "（副本）", 440, 150, 22, ink);
        var values = values(truth, date);
        for (int i = 0; i < values.length; i++) {
            text(g, LABELS[i].length() == 2 ? LABELS[i].charAt(0) + "    " + LABELS[i].charAt(1) : LABELS[i], 70,
                    230 + i * 66, 25, ink);
            text(g, values[i], 230, 230 + i * 66, 27, ink);
        }
        text(g, "统一社会信用代码  " + truth.get("credit_code"), 70, 660, 25, ink);
        seal(g, 780, 700);
        g.dispose();
        return new Sample("business-licence", image, truth, "single column, code below");
    }

    private Sample permit() {
        var district = pick(DISTRICTS);
        var birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 50));
        boolean male = random.nextBoolean();
        var number = residentNumber(pick(ELSEWHERE), birth, male);
        var from = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365 * 6));
        var until = from.plusYears(random.nextBoolean() ? 1 : 5);
        var truth = new LinkedHashMap<String, String>();
        truth.put("name", personName());
        truth.put("sex", male ? "男" : "女");
        truth.put("id_number", number);
        truth.put("address", address(district).substring(3));
        truth.put("issuer", "福州市公安局" + district[1].substring(0, district[1].length() - 1) + "分局");
        truth.put("valid_until", until.toString());
        var image = new BufferedImage(900, 570, BufferedImage.TYPE_INT_RGB);
        var g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(232, 242, 236), 900, 570, new Color(244, 236, 228)));
        g.fillRect(0, 0, 900, 570);
        var label = new Color(70, 70, 110);
        var ink = new Color(15, 15, 20);
        text(g, "居住证", 390, 60, 38, new Color(170, 30, 30));
        text(g, "姓名", 50, 120, 24, label);
        text(g, truth.get("name"), 170, 120, 30, ink);
        text(g, "性别", 50, 172, 24, label);
        text(g, truth.get("sex"), 170, 172, 28, ink);
        text(g, "公民身份号码", 50, 224, 24, label);
        text(g, number, 215, 224, 30, ink);
        text(g, "居住地址", 50, 276, 24, label);
        var address = truth.get("address");
        for (int line = 0; line * 14 < address.length(); line++) {
            text(g, address.substring(line * 14, Math.min(address.length(), (line + 1) * 14)), 170, 276 + line * 42,
                    27, ink);
        }
        text(g, "签发机关", 50, 430, 24, label);
        text(g, truth.get("issuer"), 170, 430, 27, ink);
        text(g, "有效期限", 50, 482, 24, label);
        text(g, from.toString().replace('-', '.') + "-" + until.toString().replace('-', '.'), 170, 482, 27, ink);
        g.setColor(new Color(175, 178, 184));
        g.fillOval(690, 110, 120, 150);
        g.fillRoundRect(650, 260, 200, 120, 100, 100);
        g.dispose();
        return new Sample("residence-permit", image, truth, "permit");
    }

    private static Graphics2D paper(BufferedImage image, Color colour) {
        var g = graphics(image);
        g.setColor(colour);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(190, 160, 100));
        g.setStroke(new BasicStroke(8f));
        g.drawRect(16, 16, image.getWidth() - 32, image.getHeight() - 32);
        return g;
    }

    private void seal(Graphics2D g, int x, int y) {
        g.setColor(new Color(215, 40, 40, 120 + random.nextInt(60)));
        g.setStroke(new BasicStroke(4f));
        g.drawOval(x - 70, y - 70, 140, 140);
        g.drawOval(x - 52, y - 52, 104, 104);
    }

    private static Graphics2D graphics(BufferedImage image) {
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    /** Draws {@code text}; characters the face lacks (Droid Sans Fallback has no digits) in Noto Sans CJK SC. */
    private void text(Graphics2D g, String text, int x, int y, int size, Color colour) {
        text(g, text, x, y, size, colour, 0);
    }

    /** The same, with {@code tracking} more pixels after each character (an ID number's letter-spacing). */
    private void text(Graphics2D g, String text, int x, int y, int size, Color colour, int tracking) {
        var face = font.deriveFont(Font.PLAIN, size);
        var fallback = fonts[0].deriveFont(Font.PLAIN, size);
        g.setColor(colour);
        float at = x;
        int start = 0;
        while (start < text.length()) {
            var f = face.canDisplay(text.charAt(start)) ? face : fallback;
            int end = start + 1;
            while (tracking == 0 && end < text.length()
                    && (face.canDisplay(text.charAt(end)) ? face : fallback) == f) {
                end++;
            }
            var run = text.substring(start, end);
            g.setFont(f);
            g.drawString(run, at, y);
            at += g.getFontMetrics(f).stringWidth(run) + tracking;
            start = end;
        }
    }

    // ---------------------------------------------------------------- the photograph

    private void write(Path folder, String name, Sample sample) throws IOException {
        var photo = new Photographer(random).photograph(sample.image(), font);
        float quality = 0.5f + random.nextFloat() * 0.35f;
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var params = writer.getDefaultWriteParam();
        params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        params.setCompressionQuality(quality);
        try (var out = ImageIO.createImageOutputStream(folder.resolve(name + ".jpg").toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(photo.image(), null, null), params);
        }
        writer.dispose();
        var json = new StringBuilder("{\n  \"type\": \"").append(sample.type()).append("\",\n  \"noise\": \"")
                .append(photo.noise()).append(String.format(Locale.ROOT, ", JPEG quality %.2f", quality))
                .append("\",\n  \"font\": \"").append(FONT_NAMES[fontIndex]).append("\",\n  \"layout\": \"")
                .append(sample.layout()).append("\",\n  \"fields\": {");
        var first = true;
        for (var field : sample.truth().entrySet()) {
            json.append(first ? "\n" : ",\n").append("    \"").append(field.getKey()).append("\": \"")
                    .append(field.getValue()).append('"');
            first = false;
        }
        json.append("\n  }\n}\n");
        Files.writeString(folder.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    }

    /** Places a document on a cluttered table, in perspective, and spoils the picture. */
    private record Photographer(Random random) {

        record Photo(BufferedImage image, String noise) {
        }

        Photo photograph(BufferedImage document, Font font) {
            int dw = document.getWidth();
            int dh = document.getHeight();
            double fill = 0.62 + random.nextDouble() * 0.25;
            int w = (int) (dw / fill);
            int h = (int) (dh / fill);
            var canvas = table(w, h, font);
            double tilt = (random.nextDouble() * 2 - 1) * 15;
            double slant = 0.02 + random.nextDouble() * 0.06;
            var corners = corners(w, h, dw, dh, tilt, slant);
            warp(document, canvas, corners);
            var light = light(canvas);
            double blur = random.nextDouble() * 1.6;
            boolean motion = random.nextInt(5) == 0;
            var image = motion ? motionBlur(canvas, 2 + random.nextInt(4)) : gaussian(canvas, blur);
            int turn = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
            if (turn > 0) {
                image = TestSetGenerator.turn(image, turn);
            }
            image = scaled(image, 1000 + random.nextInt(300));
            return new Photo(image, String.format(Locale.ROOT, "tilt %.1f°, perspective %.2f, turn %d°, %s, %s",
                    tilt, slant, turn * 90, motion ? "motion blur" : String.format(Locale.ROOT, "blur %.2f", blur),
                    light));
        }

        /** Where the document's corners land (top left, top right, bottom right, bottom left): tilted, each moved. */
        private double[][] corners(int w, int h, double dw, double dh, double tilt, double slant) {
            var t = AffineTransform.getRotateInstance(Math.toRadians(tilt), w / 2.0, h / 2.0);
            double[][] base = {{(w - dw) / 2, (h - dh) / 2}, {(w + dw) / 2, (h - dh) / 2}, {(w + dw) / 2, (h + dh) / 2},
                    {(w - dw) / 2, (h + dh) / 2}};
            var out = new double[4][2];
            for (int i = 0; i < 4; i++) {
                var p = new double[2];
                t.transform(base[i], 0, p, 0, 1);
                out[i][0] = p[0] + (random.nextDouble() * 2 - 1) * slant * dw;
                out[i][1] = p[1] + (random.nextDouble() * 2 - 1) * slant * dh;
            }
            return out;
        }

        /** A table with things on it: other papers, printed scraps, a pen, a cup's ring. */
        private BufferedImage table(int w, int h, Font font) {
            var canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            var g = graphics(canvas);
            var wood = new Color(90 + random.nextInt(80), 70 + random.nextInt(60), 50 + random.nextInt(50));
            g.setColor(wood);
            g.fillRect(0, 0, w, h);
            for (int i = 0; i < h; i += 3) { // grain
                g.setColor(new Color(wood.getRed() - 15 + random.nextInt(30), wood.getGreen() - 10
                        + random.nextInt(20), wood.getBlue()));
                g.fillRect(0, i, w, 1 + random.nextInt(2));
            }
            for (int k = 0; k < 3 + random.nextInt(4); k++) {
                int pw = 150 + random.nextInt(300);
                int ph = 100 + random.nextInt(250);
                var saved = g.getTransform();
                g.rotate(random.nextDouble() - 0.5, random.nextInt(w), random.nextInt(h));
                int x = random.nextInt(w) - pw / 2;
                int y = random.nextInt(h) - ph / 2;
                g.setColor(new Color(225 + random.nextInt(30), 225 + random.nextInt(30), 215 + random.nextInt(30)));
                g.fillRect(x, y, pw, ph);
                g.setColor(new Color(60, 60, 70));
                g.setFont(font.deriveFont(Font.PLAIN, 14 + random.nextInt(10)));
                for (int line = 0; line < ph / 30; line++) {
                    var scrap = new StringBuilder();
                    for (int c = 0; c < pw / 22; c++) {
                        scrap.append(CLUTTER.charAt(random.nextInt(CLUTTER.length())));
                    }
                    g.drawString(scrap.toString(), x + 8, y + 26 + line * 28);
                }
                g.setTransform(saved);
            }
            g.setColor(new Color(20, 30, 120));
            g.setStroke(new BasicStroke(7f + random.nextInt(5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int px = random.nextInt(w);
            int py = random.nextInt(h);
            g.drawLine(px, py, px + random.nextInt(300) - 150, py + random.nextInt(300) - 150);
            g.setColor(new Color(110, 70, 40, 90));
            g.setStroke(new BasicStroke(5f));
            int r = 40 + random.nextInt(40);
            g.drawOval(random.nextInt(w), random.nextInt(h), r, r);
            g.dispose();
            return canvas;
        }

        /** Draws {@code document} into {@code canvas} with its corners at {@code corners} (a homography, bilinear). */
        private static void warp(BufferedImage document, BufferedImage canvas, double[][] corners) {
            int dw = document.getWidth();
            int dh = document.getHeight();
            var toDocument = homography(corners, new double[][] {{0, 0}, {dw, 0}, {dw, dh}, {0, dh}});
            int minX = (int) Math.max(0, Math.floor(Math.min(Math.min(corners[0][0], corners[1][0]),
                    Math.min(corners[2][0], corners[3][0]))));
            int maxX = (int) Math.min(canvas.getWidth(), Math.ceil(Math.max(Math.max(corners[0][0], corners[1][0]),
                    Math.max(corners[2][0], corners[3][0]))));
            int minY = (int) Math.max(0, Math.floor(Math.min(Math.min(corners[0][1], corners[1][1]),
                    Math.min(corners[2][1], corners[3][1]))));
            int maxY = (int) Math.min(canvas.getHeight(), Math.ceil(Math.max(Math.max(corners[0][1], corners[1][1]),
                    Math.max(corners[2][1], corners[3][1]))));
            for (int y = minY; y < maxY; y++) {
                for (int x = minX; x < maxX; x++) {
                    double d = toDocument[6] * x + toDocument[7] * y + 1;
                    double u = (toDocument[0] * x + toDocument[1] * y + toDocument[2]) / d;
                    double v = (toDocument[3] * x + toDocument[4] * y + toDocument[5]) / d;
                    if (u >= 0 && v >= 0 && u < dw - 1 && v < dh - 1) {
                        canvas.setRGB(x, y, bilinear(document, u, v));
                    }
                }
            }
        }

        private static int bilinear(BufferedImage image, double u, double v) {
            int x = (int) u;
            int y = (int) v;
            double fx = u - x;
            double fy = v - y;
            int a = image.getRGB(x, y);
            int b = image.getRGB(x + 1, y);
            int c = image.getRGB(x, y + 1);
            int d = image.getRGB(x + 1, y + 1);
            int out = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                double value = ((a >> shift) & 0xff) * (1 - fx) * (1 - fy) + ((b >> shift) & 0xff) * fx * (1 - fy)
                        + ((c >> shift) & 0xff) * (1 - fx) * fy + ((d >> shift) & 0xff) * fx * fy;
                out |= ((int) Math.round(value) & 0xff) << shift;
            }
            return out;
        }

        /** The homography (8 coefficients, the 9th 1) mapping the 4 points {@code from} onto {@code to}. */
        static double[] homography(double[][] from, double[][] to) {
            var a = new double[8][9];
            for (int i = 0; i < 4; i++) {
                double x = from[i][0];
                double y = from[i][1];
                double u = to[i][0];
                double v = to[i][1];
                a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
                a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
            }
            for (int col = 0; col < 8; col++) { // Gauss-Jordan with partial pivoting
                int pivot = col;
                for (int r = col + 1; r < 8; r++) {
                    if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                        pivot = r;
                    }
                }
                var swap = a[col];
                a[col] = a[pivot];
                a[pivot] = swap;
                for (int r = 0; r < 8; r++) {
                    if (r != col) {
                        double f = a[r][col] / a[col][col];
                        for (int k = col; k < 9; k++) {
                            a[r][k] -= f * a[col][k];
                        }
                    }
                }
            }
            var h = new double[8];
            for (int i = 0; i < 8; i++) {
                h[i] = a[i][8] / a[i][i];
            }
            return h;
        }

        /** Uneven light: a shadow from one side, a colour cast, and a glare spot or a vignette. */
        private String light(BufferedImage canvas) {
            int w = canvas.getWidth();
            int h = canvas.getHeight();
            var g = graphics(canvas);
            double shadow = 0.2 + random.nextDouble() * 0.45;
            boolean fromLeft = random.nextBoolean();
            g.setPaint(new GradientPaint(fromLeft ? 0 : w, random.nextInt(h), new Color(0, 0, 0, (int) (255 * shadow)),
                    fromLeft ? w * 0.8f : w * 0.2f, random.nextInt(h), new Color(0, 0, 0, 0)));
            g.fillRect(0, 0, w, h);
            var cast = random.nextBoolean() ? new Color(255, 200, 120, 30 + random.nextInt(30))
                    : new Color(120, 170, 255, 20 + random.nextInt(30));
            g.setColor(cast);
            g.fillRect(0, 0, w, h);
            String spot;
            if (random.nextBoolean()) {
                float r = (float) (Math.min(w, h) * (0.1 + random.nextDouble() * 0.15));
                g.setPaint(new RadialGradientPaint(random.nextInt(w), random.nextInt(h), r, new float[] {0f, 1f},
                        new Color[] {new Color(255, 255, 255, 150 + random.nextInt(80)), new Color(255, 255, 255, 0)}));
                spot = "glare";
            } else {
                g.setPaint(new RadialGradientPaint(w / 2f, h / 2f, Math.max(w, h) * 0.75f, new float[] {0.5f, 1f},
                        new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 140)}));
                spot = "vignette";
            }
            g.fillRect(0, 0, w, h);
            g.dispose();
            return String.format(Locale.ROOT, "shadow %.2f, %s cast, %s", shadow,
                    cast.getRed() == 255 ? "warm" : "cool", spot);
        }

        private static BufferedImage gaussian(BufferedImage image, double sigma) {
            if (sigma < 0.3) {
                return image;
            }
            int radius = (int) Math.ceil(sigma * 2);
            int size = radius * 2 + 1;
            var weights = new float[size];
            float sum = 0;
            for (int i = -radius; i <= radius; i++) {
                weights[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
                sum += weights[i + radius];
            }
            for (int i = 0; i < size; i++) {
                weights[i] /= sum;
            }
            var horizontal = new ConvolveOp(new Kernel(size, 1, weights), ConvolveOp.EDGE_NO_OP, null);
            var vertical = new ConvolveOp(new Kernel(1, size, weights), ConvolveOp.EDGE_NO_OP, null);
            return vertical.filter(horizontal.filter(image, null), null);
        }

        private static BufferedImage motionBlur(BufferedImage image, int length) {
            var weights = new float[length];
            java.util.Arrays.fill(weights, 1f / length);
            return new ConvolveOp(new Kernel(length, 1, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        }

        private static BufferedImage scaled(BufferedImage image, int longSide) {
            double s = (double) longSide / Math.max(image.getWidth(), image.getHeight());
            int w = (int) Math.round(image.getWidth() * s);
            int h = (int) Math.round(image.getHeight() * s);
            var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            var g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            return out;
        }
    }
}
