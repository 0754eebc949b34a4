package cn.youfu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The administrative division codes of mainland China (GB/T 2260 form, 6 digits), from the National Bureau of
 * Statistics' 2023 list ({@code src/main/resources/divisions/}, see its README and licence): provinces
 * ({@code 350000}), prefectures ({@code 350100}) and counties ({@code 350102}). Loaded once; immutable and
 * thread-safe. Spring offers the one instance as a bean.
 */
public final class DivisionCodes {

    /** Fuzhou's prefecture code. */
    public static final String FUZHOU = "350100";

    private static final String FOLDER = "/divisions/";

    private final Map<String, String> names;

    private DivisionCodes(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    private static final class Holder {
        static final DivisionCodes STANDARD = load();
    }

    /** The list shipped with Youfu, read on first use. */
    public static DivisionCodes standard() {
        return Holder.STANDARD;
    }

    private static DivisionCodes load() {
        var names = new TreeMap<String, String>();
        read("provinces.csv", row -> names.put(row[0] + "0000", row[1]));
        read("cities.csv", row -> names.put(row[0] + "00", row[1]));
        read("areas.csv", row -> names.put(row[0], row[1]));
        return new DivisionCodes(names);
    }

    private static void read(String file, java.util.function.Consumer<String[]> row) {
        var csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (InputStream in = DivisionCodes.class.getResourceAsStream(FOLDER + file);
             MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(in)) {
            if (in == null) {
                throw new IllegalStateException("division list " + FOLDER + file + " is missing");
            }
            rows.next(); // header
            rows.forEachRemaining(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code code} is a 6-digit code on the list (province, prefecture or county). */
    public boolean exists(String code) {
        return code != null && names.containsKey(code);
    }

    /** The division's own name, e.g. {@code 鼓楼区} for {@code 350102}; empty for an unknown code. */
    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code));
    }

    /**
     * The name with its province and prefecture, e.g. {@code 福建省福州市鼓楼区}; pseudo prefectures such as
     * {@code 市辖区} are left out. Empty for an unknown code.
     */
    public Optional<String> fullName(String code) {
        if (!exists(code)) {
            return Optional.empty();
        }
        var full = new StringBuilder(names.get(code.substring(0, 2) + "0000"));
        var prefecture = names.get(code.substring(0, 4) + "00");
        if (!code.endsWith("0000") && prefecture != null && !prefecture.endsWith("辖区")
                && !prefecture.startsWith("省直辖") && !prefecture.equals("县")) {
            full.append(prefecture);
        }
        if (!code.endsWith("00")) {
            full.append(names.get(code));
        }
        return Optional.of(full.toString());
    }

    /** Whether {@code code} is Fuzhou or one of its districts and counties (prefix {@code 3501}) and on the list. */
    public boolean isFuzhou(String code) {
        return exists(code) && code.startsWith("3501");
    }

    /**
     * The county-level codes whose code starts with {@code prefix}, in code order, without the statistical
     * functional zones (5th digit 7, e.g. development zones), which are not administrative divisions.
     */
    public List<String> counties(String prefix) {
        return names.keySet().stream()
                .filter(c -> c.startsWith(prefix) && !c.endsWith("00") && c.charAt(4) != '7')
                .toList();
    }

    /** How many codes the list has. */
    public int size() {
        return names.size();
    }
}
