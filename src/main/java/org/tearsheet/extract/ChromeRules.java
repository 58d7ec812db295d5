package org.tearsheet.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Language-independent rules that tell page chrome (navigation, share bars, comment sections, related
 * links, cookie banners...) from content, by tag, ARIA role, hidden state and class/id names.
 * Class/id names are a convention shared by CMSs worldwide, so they generalise across sites and languages.
 */
final class ChromeRules {

    /** Elements whose content is never article text. */
    static final Set<String> DROPPED_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object",
            "embed", "applet", "canvas", "video", "audio", "button", "select", "option", "optgroup", "input",
            "textarea", "link", "meta", "head", "title", "dialog", "map", "area", "source", "track", "picture",
            "datalist", "output", "progress", "meter", "label", "img", "param", "base", "menuitem");

    /** Block-level elements: a text block ends where one starts or ends. */
    static final Set<String> BLOCK_TAGS = Set.of(
            "html", "body", "address", "article", "aside", "blockquote", "center", "details", "dd", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "legend", "listing", "plaintext",
            "xmp", "dir", "noframes", "search");

    /** Structural chrome elements (HTML5 sectioning used for site furniture). */
    private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu", "search");

    private static final Set<String> CHROME_ROLES = Set.of(
            "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "dialog", "alertdialog",
            "search", "alert", "toolbar", "tablist");

    private static final Pattern HIDDEN_STYLE =
            Pattern.compile("(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)", Pattern.CASE_INSENSITIVE);

    /** Class names of content hidden from sighted readers, or screen-reader-only furniture (whole names). */
    static final Set<String> HIDDEN_NAMES = Set.of(
            "hidden", "hide", "d-none", "is-hidden", "sr-only", "visually-hidden", "visuallyhidden",
            "screen-reader-text", "screenreader-text", "screen-reader-only", "element-invisible", "offscreen",
            "a11y-only", "u-hidden", "vh");

    /**
     * Chrome tokens at the start of a class/id name segment. Strong ones mark chrome even next to a content
     * word ("article-share", "post-comments").
     */
    private static final List<String> STRONG_CHROME_TOKENS = List.of(
            "comment", "disqus", "discussion", "replies", "respond", "share", "sharing", "social", "newsletter",
            "cookie", "consent", "gdpr", "outbrain", "taboola", "breadcrumb", "recommend", "recirc", "related",
            "sidebar", "side-bar", "popup", "modal", "overlay", "advert", "adslot", "ad-slot", "adunit", "ad-unit",
            "ad$", "ads$", "sponsor", "promo", "byline", "dateline", "caption", "credit", "copyright", "signup",
            "sign-up", "subscribe-box", "follow", "trending", "mostpopular", "most-popular", "morestories",
            "more-stories", "readmore", "read-more", "readnext", "read-next", "alsoread", "also-read", "seealso",
            "see-also", "toolbar", "pagination", "pager", "skyscraper", "shoutbox", "agegate", "donat",
            "authorbio", "author-bio", "aboutauthor", "about-author", "authorbox", "postmeta", "post-meta",
            "entrymeta", "entry-meta", "articlemeta", "article-meta", "tag$", "tags$", "taglist", "tag-list",
            "keywords", "printonly", "print-only", "jumpto", "jump-to", "skip", "login", "rss",
            "wp-block-buttons", "infinite", "nextarticle", "next-article", "prevarticle", "prev-article",
            // access barriers: paywall prompts, registration walls, meters (a bare "paywall" class is left
            // alone: Google's structured-data guidance puts it on the restricted *content*)
            "barrier", "regwall", "reg-wall", "loginwall", "login-wall", "meterwall", "meter-wall", "gate$",
            "paygate$", "reggate$", "metergate$", "logingate$", "subgate$", "signingate$", "paywall-message",
            "paywall-prompt", "paywall-cta", "paywall-banner", "paywall-notice", "paywall-overlay",
            "paywall-offer", "paywall-modal", "paywall-box", "paywall-inline", "paywall-block",
            "paywall-template", "meter-box", "meter-message", "meter-banner", "meter-bar", "meter-notice",
            "tp-container", "tp-modal", "tp-backdrop", "pn-", "upsell", "offer$", "offers$", "member-only",
            "subscribe$", "subscription-cta", "subscription-prompt", "subscription-box", "subscription-banner",
            "subscription-offer", "subscription-wall", "piano-",
            // consent managers and newsletter tools by their common names
            "onetrust", "didomi", "cmp$", "cmp-", "cc-window", "cc-banner", "usercentrics", "sp_message", "truste",
            "privacy-banner", "optin", "opt-in", "mc4wp", "mailchimp", "klaviyo", "email-signup",
            // recirculation
            "mostread", "most-read", "more-from", "morefrom", "upnext", "up-next", "nextup", "next-up",
            "youmaylike", "you-may-like",
            // content shown on hover (person cards, glossary pop-ups), not part of the sentence it sits in
            "rollover-block", "rollover-card", "hovercard", "hover-card", "tooltip", "popover");
    static final NameTokens STRONG_CHROME = new NameTokens(STRONG_CHROME_TOKENS);

    /** Furniture words distinctive enough to count anywhere in a name, camelCase included ("newsCaption"). */
    private static final List<String> ANYWHERE_CHROME_TOKENS = List.of(
            "caption", "credit", "breadcrumb", "newsletter", "outbrain", "taboola", "disqus", "copyright");
    static final NameTokens ANYWHERE_CHROME = new NameTokens(ANYWHERE_CHROME_TOKENS);

    /** Weaker chrome tokens that a content word in the same name overrides ("article-footer" is not). */
    private static final List<String> SOFT_CHROME_TOKENS = List.of(
            "header", "footer", "masthead", "menu", "nav", "banner", "widget", "extra", "supplemental",
            "community", "meta$", "legends", "combx", "remark", "aside", "utility", "tools$");
    static final NameTokens SOFT_CHROME = new NameTokens(SOFT_CHROME_TOKENS);

    private static final List<String> EMBED_NAME_TOKENS = List.of(
            "embed", "tweet", "twitter-tweet", "instagram-media");
    static final NameTokens EMBED_NAME = new NameTokens(EMBED_NAME_TOKENS);
    private static final List<String> CONTENT_NAME_TOKENS = List.of(
            "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "column", "prose", "rich");
    static final NameTokens CONTENT_NAME = new NameTokens(CONTENT_NAME_TOKENS);

    /** Readability's class weights: proven signals for "this is the content" / "this is furniture". */
    private static final List<String> POSITIVE_WEIGHT_TOKENS = List.of(
            "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
            "text", "blog", "story", "prose");
    static final NameTokens POSITIVE_WEIGHT = new NameTokens(POSITIVE_WEIGHT_TOKENS);
    private static final List<String> NEGATIVE_WEIGHT_TOKENS = List.of(
            "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
            "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
            "skyscraper", "sponsor", "shopping", "tags", "widget", "caption", "credit", "byline", "newsletter",
            "social", "cookie");
    static final NameTokens NEGATIVE_WEIGHT = new NameTokens(NEGATIVE_WEIGHT_TOKENS);

    /** All the token sets above, matched in one pass over a name by {@link #nameFacts}; one bit per set. */
    private static final int SCAN_STRONG = 1;
    private static final int SCAN_ANYWHERE = 2;
    private static final int SCAN_EMBED = 4;
    private static final int SCAN_SOFT = 8;
    private static final int SCAN_CONTENT = 16;
    private static final int SCAN_NEGATIVE = 32;
    private static final int SCAN_POSITIVE = 64;
    private static final TokenScan NAME_SCAN = new TokenScan.Builder()
            .atSegmentStart(SCAN_STRONG, STRONG_CHROME_TOKENS, false)
            .anywhere(SCAN_ANYWHERE, ANYWHERE_CHROME_TOKENS, false)
            .atSegmentStart(SCAN_EMBED, EMBED_NAME_TOKENS, false)
            .atSegmentStart(SCAN_SOFT, SOFT_CHROME_TOKENS, true)
            .anywhere(SCAN_CONTENT, CONTENT_NAME_TOKENS, true)
            .anywhere(SCAN_NEGATIVE, NEGATIVE_WEIGHT_TOKENS, false)
            .anywhere(SCAN_POSITIVE, POSITIVE_WEIGHT_TOKENS, false)
            .build();

    private ChromeRules() {
    }

    /** Verdict bits for a class or id value; see {@link #verdict(String, boolean)}. */
    static final int CHROME = 1;
    static final int STRONG = 2;
    static final int HIDDEN = 4;
    /** The verdict of an empty value: no bits, weight 0. */
    static final int NEUTRAL = 100 << 8;

    /** Elements dropped with their whole subtree: non-text tags and hidden content. */
    static boolean isDroppedTag(String tag) {
        return DROPPED_TAGS.contains(tag);
    }

    /** Hidden by attribute or inline style (the class part is in the verdict). */
    static boolean isHiddenByAttributes(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && style.length() < 2000 && HIDDEN_STYLE.matcher(style).find();
    }

    /** Whether a block element is page furniture by its tag or ARIA role (explicit structure). */
    static boolean isStructuralChrome(Element e, String tag) {
        if (CHROME_TAGS.contains(tag)) {
            return true;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        String role = e.attr("role");
        return !role.isEmpty() && CHROME_ROLES.contains(lower(role).strip());
    }

    /** Facts about one lowercase class/id name, from which a value's verdict is composed; see {@link #nameFacts}. */
    static final int NAME_HIDDEN = 1;
    static final int NAME_STRONG = 2;
    static final int NAME_EMBED = 4;
    /**
     * The name decides whether the value is chrome by its names (the first decisive name of a value does): chrome
     * when {@link #NAME_CHROME} is set, else an embed, which is content.
     */
    static final int NAME_DECISIVE = 8;
    static final int NAME_CHROME = 16;
    static final int NAME_NEGATIVE = 32;
    static final int NAME_POSITIVE = 64;

    /**
     * Classifies a class or id attribute value: bits {@link #CHROME} (furniture name), {@link #STRONG}
     * (furniture even on inline elements), {@link #HIDDEN} (class only: screen-reader or hidden helpers), and
     * the Readability class weight in the bits above 8 (offset by 100). Pure function: callers cache it per page,
     * because the same values repeat on hundreds of elements.
     */
    static int verdict(String value, boolean isClass) {
        return verdict(value, isClass, ChromeRules::nameFacts);
    }

    /**
     * {@link #verdict(String, boolean)} with the per-name facts supplied by the caller, who may memoise them: the
     * same names recur in many distinct values (utility-class pages combine a few dozen names in hundreds of
     * ways). No token contains whitespace, so a token found in the value lies within one name, and the
     * value's verdict is a fold over its names, except that {@link NameTokens#matches} treats only space, tab and
     * newline as segment boundaries: for values separated by other whitespace the two segment-anchored
     * checks are made on the whole value, as before.
     */
    static int verdict(String value, boolean isClass, ToIntFunction<String> facts) {
        if (value.isEmpty() || value.length() > 500) {
            return NEUTRAL;
        }
        String v = lower(value);
        int any = 0;
        boolean chrome = false;
        boolean decided = false;
        for (String name : names(v)) {
            int f = facts.applyAsInt(name);
            any |= f;
            if (!decided && (f & NAME_DECISIVE) != 0) {
                // Chrome by name: the first name that is an embed or chrome decides.
                decided = true;
                chrome = (f & NAME_CHROME) != 0;
            }
        }
        int bits = 0;
        if (isClass) {
            if ((any & NAME_HIDDEN) != 0) {
                bits |= HIDDEN;
            }
            boolean strong = (any & NAME_STRONG) != 0;
            boolean embed = (any & NAME_EMBED) != 0;
            if (hasNonBoundarySpace(v)) {
                strong = STRONG_CHROME.matches(v) || ANYWHERE_CHROME.occursIn(v);
                embed = EMBED_NAME.matches(v);
            }
            if (strong && !embed) {
                bits |= STRONG;
            }
        }
        if (chrome) {
            bits |= CHROME;
        }
        int w = 0;
        if ((any & NAME_NEGATIVE) != 0) {
            w -= 25;
        }
        if ((any & NAME_POSITIVE) != 0) {
            w += 25;
        }
        return bits | ((w + 100) << 8);
    }

    /**
     * Facts about one non-empty lowercase name without whitespace; pure, so callers may memoise it. One pass over
     * the name finds the tokens of every set ({@link #nameFactsBySet} is the same, set by set).
     */
    static int nameFacts(String name) {
        // BEM names ("article__header"): the weak chrome and content words count in the element part after "__".
        int element = name.lastIndexOf("__");
        int hits = NAME_SCAN.scan(name, element >= 0 ? element + 2 : 0);
        boolean strong = (hits & (SCAN_STRONG | SCAN_ANYWHERE)) != 0;
        boolean embed = (hits & SCAN_EMBED) != 0;
        boolean soft = (hits & SCAN_SOFT) != 0 && (hits & SCAN_CONTENT) == 0;
        return facts(HIDDEN_NAMES.contains(name), strong, embed, soft,
                (hits & SCAN_NEGATIVE) != 0 || name.equals("hid"), (hits & SCAN_POSITIVE) != 0);
    }

    /** {@link #nameFacts} set by set: the definition the one-pass scan must agree with. */
    static int nameFactsBySet(String name) {
        boolean strong = STRONG_CHROME.matches(name) || ANYWHERE_CHROME.occursIn(name);
        return facts(HIDDEN_NAMES.contains(name), strong, EMBED_NAME.matches(name), softChrome(name),
                NEGATIVE_WEIGHT.occursIn(name) || name.equals("hid"), POSITIVE_WEIGHT.occursIn(name));
    }

    private static int facts(boolean hidden, boolean strong, boolean embed, boolean soft, boolean negative,
                             boolean positive) {
        int f = 0;
        if (hidden) {
            f |= NAME_HIDDEN;
        }
        if (strong) {
            f |= NAME_STRONG;
        }
        if (embed) {
            // Embedded posts quoted by the article (tweets, Instagram) are content, whatever wraps them.
            f |= NAME_EMBED | NAME_DECISIVE;
        } else if (strong || soft) {
            f |= NAME_CHROME | NAME_DECISIVE;
        }
        if (negative) {
            f |= NAME_NEGATIVE;
        }
        if (positive) {
            f |= NAME_POSITIVE;
        }
        return f;
    }

    /** A weak furniture word not overridden by a content word; for BEM names ("article__header") the element part. */
    private static boolean softChrome(String name) {
        int element = name.lastIndexOf("__");
        String meaning = element >= 0 ? name.substring(element + 2) : name;
        return SOFT_CHROME.matches(meaning) && !CONTENT_NAME.occursIn(meaning);
    }

    /** Whitespace that separates names but is no segment boundary for {@link NameTokens#matches}. */
    private static boolean hasNonBoundarySpace(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\u000B' || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * The whitespace-separated names of a class/id value, as {@code split("\\s+")} gives them but without empty
     * names (which no rule matches) and without a regular expression: this runs for every distinct value.
     */
    static String[] names(String v) {
        int count = 0;
        boolean inName = false;
        for (int i = 0; i < v.length(); i++) {
            boolean space = isRegexSpace(v.charAt(i));
            if (!space && !inName) {
                count++;
            }
            inName = !space;
        }
        if (count == 1 && !isRegexSpace(v.charAt(0)) && !isRegexSpace(v.charAt(v.length() - 1))) {
            return new String[] {v};
        }
        String[] names = new String[count];
        int n = 0;
        int start = -1;
        for (int i = 0; i <= v.length(); i++) {
            boolean space = i == v.length() || isRegexSpace(v.charAt(i));
            if (space && start >= 0) {
                names[n++] = v.substring(start, i);
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return names;
    }

    /** The characters of the regular-expression class {@code \s} (ASCII whitespace). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static int weightOf(int verdict) {
        return (verdict >> 8) - 100;
    }

    /** schema.org microdata declaring the article body. */
    static boolean isDeclaredBody(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        String prop = e.attr("itemprop");
        return prop.equalsIgnoreCase("articleBody") || prop.equalsIgnoreCase("reviewBody");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
