package cn.youfu.dispatch.internal;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A citizen's or an officer's words made fit to publish (Personal Information Protection Law): what identifies a
 * private person is masked, the problem and the public places stay.
 *
 * <p>Masked, in this order: e-mail addresses (c***@example.cn); resident ID numbers of 18 and 15 digits (the division
 * code stays); mobile numbers in every common spelling — spaces, dashes, +86, 0086, (+86) — (138****5678); landlines
 * with their area code, in brackets or not, or +86 without the 0 (0591-********); long numbers in groups of four (bank
 * cards, receipts: the last four stay); numbers and accounts after the words that announce them (电话, 座机, 号码,
 * 拨打, 微信, QQ, 学号, 卡号…: a bare local number of seven or more digits, a chat account); licence plates, ordinary
 * and new-energy, with or without a dot or space (闽A·*****); building, staircase, floor and flat numbers (12栋2单元301
 * → *栋*单元***, 5-302 → ***); and people's names: a common family name before an honorific (陈先生 → 某先生, 王建国主任
 * → 某主任), a name after a label or verb that introduces one (联系人, 举报人, 业主, 老板, 叫, 名叫… → 某某), 老王 and
 * 小李 (→ 老某, 小某), and 姓林 (→ 姓某).
 *
 * <p>Limits, stated plainly: a name with none of these cues ("王建国天天在楼道堆垃圾"), or with a family name outside
 * the list of common ones, is not found; a few ordinary words after a cue may be masked with it; a plate or number
 * written in Chinese numerals is not found; street numbers (五一中路88号) stay, as they name a building, not a
 * household. What reaches the public is reviewed with these limits in mind (docs/open311.md).
 */
final class PublicText {

    /** Common family names; left out are those that are also common words next to a cue (于, 向, 和, 高, 石, 白…). */
    static final String FAMILY_NAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董潘袁蔡蒋"
            + "余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金廖贾夏韦傅付方邹熊孟秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
            + "武戴莫孔汤庄翁游詹卓施俞欧江池甘柯兰阮温赖康倪鲍凌柳童骆葛岳易佘饶滕黄";
    static final String[] COMPOUND_FAMILY_NAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "慕容", "司徒", "端木",
            "令狐", "皇甫", "尉迟", "公孙", "长孙", "夏侯", "轩辕", "宇文"};
    /** Family names that, after 老 or 小, are a nickname and seldom a word (not 黄: 小黄车; not 程: 小程序). */
    private static final String NICKNAME_FAMILY_NAMES = "王李张刘陈杨赵吴周徐孙朱郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖"
            + "董潘袁蔡蒋余杜叶魏苏吕丁任沈姚卢崔钟谭陆汪范廖贾夏韦傅邹熊孟秦邱薛闫段雷侯史陶黎贺顾郝龚邵严覃武戴莫孔庄"
            + "翁游詹卓施俞";
    /** Characters that end a given name: particles, verbs and words that follow a name. */
    private static final String NOT_IN_A_NAME = "的了在是说和与及跟把被对向从给要也都就还不很来去到上下里你我他她它们"
            + "这那没家住电手等某反映投诉举报经常个位多次天年月日号楼室栋路街区市讲称告打让叫找问请又才却已将会能可该应当"
            + "为因所以而但或且之其此每各自说";

    private static final Pattern EMAIL = Pattern.compile(
            "([A-Za-z0-9])[A-Za-z0-9._%+-]*[@＠]([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    private static final Pattern ID_18 = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{6})[ -]?\\d{8}[ -]?\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{9}(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d+])(?:[(（]?(?:\\+|00)?86[)）]?[\\s-]?)?(1[3-9]\\d)[\\s-]?\\d{4}[\\s-]?(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)86[\\s-]?[(（]?0?|[(（]?0)(\\d{2,3})[)）]?[\\s-]?\\d{3,4}[\\s-]?\\d{4}(?!\\d)");
    private static final Pattern LONG_NUMBER = Pattern.compile(
            "(?<![\\d-])\\d{4}(?: ?\\d{4}){2,3}(?: ?(\\d{1,3}))?(?![\\d-])");
    private static final Pattern ANNOUNCED_NUMBER = Pattern.compile(
            "(电话|手机号码|手机号|手机|座机|联系方式|号码|致电|拨打)(\\s*[:：是为]?\\s*)(\\d[\\d \\-]{5,14}\\d)");
    private static final Pattern ANNOUNCED_ACCOUNT = Pattern.compile("(QQ|qq|微信号|微信|[Ww]e[Cc]hat|学号|工号|证号"
            + "|卡号|账号|帐号|护照号码|护照号)(\\s*号?\\s*[:：是为]?\\s*)([A-Za-z0-9][A-Za-z0-9_\\-]{4,19})");
    private static final Pattern PLATE = Pattern.compile("([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])"
            + "\\s?([A-Za-z])\\s?[·•・.\\-]?\\s?([A-Za-z0-9]{5,6})(?![A-Za-z0-9])");
    /** The number of a building, staircase, flat or floor (its unit word stays). */
    private static final Pattern DWELLING = Pattern.compile(
            "(?<!\\d)(?:\\d{1,4}|[一二三四五六七八九十]{1,3})(?=\\s*(?:号楼|栋|幢|单元))"
            + "|(?<!\\d)\\d{1,4}(?=\\s*(?:座|号房|室|户))|(?<!\\d)\\d{1,2}(?=\\s*(?:楼|层))");
    private static final Pattern FLAT_AFTER = Pattern.compile("(单元|栋|幢|号楼|楼|层)\\s*-?\\s*\\d{3,4}(?!\\d)");
    private static final Pattern DASHED_FLAT = Pattern.compile(
            "(?<![\\d\\-])\\d{1,3}-(?:\\d{1,2}-)?\\d{3,4}(?![\\d\\-])");
    private static final Pattern HONORIFIC = Pattern.compile("先生|女士|小姐|师傅|老师|阿姨|大爷|大妈|大姐|大哥|奶奶|爷爷"
            + "|老板|经理|医生|律师|主任|书记|队长|科长|所长|局长|村长|警官|同学");
    private static final Pattern NAME_CUE = Pattern.compile("(姓名|名字|名叫|叫做|叫|联系人|举报人|投诉人|反映人|当事人|本人"
            + "|户主|业主|房东|租户|租客|负责人|法定代表人|法人|店主|老板|经理|主任|队长|网格员|楼长|师傅|司机|保安|民警|医生"
            + "|老师|员工|职工|工作人员|快递员|外卖员|维修工)([:：\\s]*(?:是|叫|为)?[:：\\s]*)");
    private static final Pattern NICKNAME = Pattern.compile("([老小])([" + NICKNAME_FAMILY_NAMES + "])");
    private static final Pattern FAMILY_NAME_SAID = Pattern.compile(
            "姓(" + String.join("|", COMPOUND_FAMILY_NAMES) + "|[" + FAMILY_NAMES + "])");

    private PublicText() {
    }

    /** The text with personal data masked (see the class); null for null. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        var masked = replace(text, EMAIL, m -> m.group(1) + "***@" + m.group(2));
        masked = replace(masked, ID_18, m -> m.group(1) + "************");
        masked = replace(masked, ID_15, m -> m.group(1) + "*********");
        masked = replace(masked, MOBILE, m -> m.group(1) + "****" + m.group(2));
        masked = replace(masked, LANDLINE, m -> "0" + m.group(1) + "-********");
        masked = replace(masked, LONG_NUMBER, m -> "**** **** **** " + lastFour(m.group()));
        masked = replace(masked, ANNOUNCED_NUMBER, m -> digits(m.group(3)) >= 7 ? m.group(1) + m.group(2) + "********"
                : m.group());
        masked = replace(masked, ANNOUNCED_ACCOUNT, m -> m.group(1) + m.group(2) + "****");
        masked = replace(masked, PLATE, m -> digits(m.group(3)) >= 3 ? m.group(1) + m.group(2).toUpperCase(
                java.util.Locale.ROOT) + "·*****" : m.group());
        return names(dwellings(masked));
    }

    private static String dwellings(String text) {
        var masked = replace(text, DWELLING, m -> "*");
        masked = replace(masked, FLAT_AFTER, m -> m.group(1) + "***");
        return replace(masked, DASHED_FLAT, m -> "***");
    }

    private static String names(String text) {
        var masked = honorifics(text);
        masked = cuedNames(masked);
        masked = replace(masked, NICKNAME, m -> m.group(1) + "某");
        return replace(masked, FAMILY_NAME_SAID, m -> "姓某");
    }

    /** 陈先生, 王建国主任: the longest run of up to three characters before the honorific that starts a name. */
    private static String honorifics(String text) {
        var out = new StringBuilder();
        int copied = 0;
        var m = HONORIFIC.matcher(text);
        while (m.find()) {
            int start = nameBefore(text, m.start());
            if (start >= 0 && start >= copied) {
                out.append(text, copied, start).append('某');
                copied = m.start();
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Where a name ending at {@code end} begins, or -1: up to three name characters back, starting a family name. */
    private static int nameBefore(String text, int end) {
        int from = end;
        while (from > 0 && end - from < 3 && nameCharacter(text.charAt(from - 1))) {
            from--;
        }
        for (int start = from; start < end; start++) {
            if (familyNameAt(text, start) > 0) {
                return start;
            }
        }
        return -1;
    }

    /** 联系人：陈有福, 我叫林秀英: a family name and one or two given characters after the cue. */
    private static String cuedNames(String text) {
        var out = new StringBuilder();
        int copied = 0;
        var m = NAME_CUE.matcher(text);
        while (m.find()) {
            int start = m.end();
            int family = familyNameAt(text, start);
            int end = start + family;
            while (family > 0 && end < text.length() && end - start - family < 2 && nameCharacter(text.charAt(end))) {
                end++;
            }
            if (family > 0 && end > start + family && start >= copied) {
                out.append(text, copied, start).append("某某");
                copied = end;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The length of the family name at {@code index} (2 for a compound one), or 0. */
    private static int familyNameAt(String text, int index) {
        for (var compound : COMPOUND_FAMILY_NAMES) {
            if (text.startsWith(compound, index)) {
                return 2;
            }
        }
        return index < text.length() && FAMILY_NAMES.indexOf(text.charAt(index)) >= 0 ? 1 : 0;
    }

    private static boolean nameCharacter(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && NOT_IN_A_NAME.indexOf(c) < 0;
    }

    private static int digits(String text) {
        return (int) text.chars().filter(Character::isDigit).count();
    }

    private static String lastFour(String number) {
        var digitsOnly = number.replaceAll("\\D", "");
        return digitsOnly.substring(digitsOnly.length() - 4);
    }

    private static String replace(String text, Pattern pattern, Function<MatchResult, String> replacement) {
        return pattern.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(replacement.apply(m)));
    }
}
