package com.overdue.collections.core.metro2;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Maps free text onto the characters a Metro 2 alphanumeric field may hold, one output character per input code
 * point, so that no input can change a record's width.
 *
 * <p>Allowed (what moov-io/metro2 accepts, upper case only): A–Z, 0–9, blank and
 * {@code ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ { | } ~}. Anything else is
 * <ul>
 *   <li><b>transliterated</b> when it decomposes to allowed letters (NFKD without combining marks: É→E, Ñ→N, Ā→A,
 *   full-width Ａ→A) or is one of a few Latin letters that do not decompose (Æ→AE, Ø→O, Œ→OE, Ł→L, Đ→D, Þ→TH);
 *   </li>
 *   <li><b>blanked</b> otherwise: CJK, other scripts, emoji, control characters (a line feed inside a name would
 *   otherwise be dropped by readers that strip line ends, shifting every later field).</li>
 * </ul>
 * A US bureau file cannot carry Chinese names; producing pinyin is the caller's job. Runs of blanks collapse to one
 * and the result is stripped, so a half-replaced name stays left-justified.
 */
final class Metro2CharacterSet {

    private static final String PUNCTUATION = " !\"#$%&'()*+,-./:;<=>?@[\\]^_{|}~";

    private static final Map<Integer, String> LETTERS_WITHOUT_DECOMPOSITION = Map.of(
            (int) 'Æ', "AE", (int) 'Ø', "O", (int) 'Œ', "OE", (int) 'Ł', "L", (int) 'Đ', "D", (int) 'Þ', "TH",
            (int) 'Ð', "D", (int) 'ı', "I");

    /** Cleaned text and how many input code points were transliterated or replaced by a blank. */
    record Cleaned(String text, int transliterated, int blanked) {
    }

    private Metro2CharacterSet() {
    }

    static boolean isAllowed(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PUNCTUATION.indexOf(c) >= 0;
    }

    static Cleaned clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int transliterated = 0;
        int blanked = 0;
        for (int cp : value.codePoints().toArray()) {
            String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
            if (upper.codePoints().allMatch(Metro2CharacterSet::isAllowed)) {
                out.append(upper);
                continue;
            }
            if (Character.isWhitespace(cp) && !Character.isISOControl(cp)) {
                out.append(' '); // no-break and other Unicode spaces are still blanks, nothing is lost
                continue;
            }
            String ascii = transliterate(upper);
            if (ascii != null) {
                out.append(ascii);
                transliterated++;
            } else {
                out.append(' ');
                blanked++;
            }
        }
        String collapsed = out.toString().replaceAll(" {2,}", " ").strip();
        return new Cleaned(collapsed, transliterated, blanked);
    }

    /** Returns the allowed-letter spelling of an upper-cased character, or null when it has none. */
    private static String transliterate(String upper) {
        StringBuilder ascii = new StringBuilder();
        for (int cp : upper.codePoints().toArray()) {
            String known = LETTERS_WITHOUT_DECOMPOSITION.get(cp);
            if (known != null) {
                ascii.append(known);
                continue;
            }
            String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}", "")
                    .toUpperCase(Locale.ROOT);
            if (decomposed.isEmpty() || !decomposed.codePoints().allMatch(Metro2CharacterSet::isAllowed)) {
                return null;
            }
            ascii.append(decomposed);
        }
        return ascii.length() == 0 ? null : ascii.toString();
    }
}
