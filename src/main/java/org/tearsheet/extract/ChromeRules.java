package org.tearsheet.extract;

import java.util.Locale;
import java.util.Set;
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

    /** Class/id names of content that is hidden from sighted readers or screen-reader-only furniture. */
    private static final Pattern HIDDEN_NAME = Pattern.compile(
            "(?:^|\\s)(?:hidden|hide|d-none|is-hidden|sr-only|visually-?hidden|screen-?reader-?(?:text|only)"
                    + "|element-invisible|offscreen|a11y-only|u-hidden|vh)(?:$|\\s)");

    /**
     * Chrome tokens, matched at the start of a class/id name segment (after start, '-', '_' or space).
     * Strong ones mark chrome even next to a content word ("article-share", "post-comments").
     */
    private static final Pattern STRONG_CHROME = Pattern.compile(
            "(?:^|[\\s_-])(?:comment|disqus|discussion|replies|respond|share|sharing|social|newsletter|cookie"
                    + "|consent|gdpr|outbrain|taboola|breadcrumb|recommend|recirc|related|sidebar|side-bar|popup"
                    + "|modal|overlay|advert|adslot|ad-slot|adunit|ad-unit|ads?(?:$|[\\s_-])|sponsor|promo"
                    + "|byline|dateline|caption|credit|copyright|signup|sign-up|subscribe-box|follow|trending"
                    + "|most-?popular|more-?stories|read-?more|read-?next|also-?read|see-?also|toolbar"
                    + "|pagination|pager|skyscraper|shoutbox|agegate|donat|author-?bio|about-?author|authorbox"
                    + "|post-?meta|entry-?meta|article-?meta|tags?(?:$|[\\s_-])|tag-?list|keywords|print-?only"
                    + "|jump-?to|skip|login|rss|wp-block-buttons|infinite|next-?article|prev-?article"
                    // access barriers: paywall prompts, registration walls, meters (a bare "paywall" class is
                    // left alone: Google's structured-data guidance puts it on the restricted *content*)
                    + "|barrier|reg-?wall|login-?wall|meter-?wall|(?:pay|reg|meter|login|sub|signin)?-?gate(?:$|[\\s_-])"
                    + "|paywall-(?:message|prompt|cta|banner|notice|overlay|offer|modal|box|inline|block|template)"
                    + "|meter-(?:box|message|banner|bar|notice)|tp-(?:container|modal|backdrop)|pn-|upsell"
                    + "|offers?(?:$|[\\s_-])|member-only|subscribe(?:$|[\\s_-])"
                    + "|subscription-(?:cta|prompt|box|banner|offer|wall)|piano-)");

    /** Weaker chrome tokens that a content word in the same name overrides ("article-footer" is not). */
    private static final Pattern SOFT_CHROME = Pattern.compile(
            "(?:^|[\\s_-])(?:header|footer|masthead|menu|nav|banner|widget|extra|supplemental|community|meta"
                    + "(?:$|[\\s_-])|legends|combx|remark|aside|utility|tools(?:$|[\\s_-]))");

    private static final Pattern EMBED_NAME = Pattern.compile("(?:^|[\\s_-])(?:embed|tweet|twitter-tweet|instagram-media)");

    private static final Pattern CONTENT_NAME = Pattern.compile(
            "article|body|content|entry|main|post|story|text|blog|column|prose|rich");

    /** Readability's class weights: proven signals for "this is the content" / "this is furniture". */
    private static final Pattern POSITIVE_WEIGHT = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose");
    private static final Pattern NEGATIVE_WEIGHT = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media"
                    + "|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping"
                    + "|tags|widget|caption|credit|byline|newsletter|social|cookie");

    private ChromeRules() {
    }

    /** Verdict bits for a class or id value; see {@link #verdict(String, boolean)}. */
    static final int CHROME = 1;
    static final int STRONG = 2;
    static final int HIDDEN = 4;

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

    /**
     * Classifies a class or id attribute value: bits {@link #CHROME} (furniture name), {@link #STRONG}
     * (furniture even on inline elements), {@link #HIDDEN} (class only: screen-reader or hidden helpers), and
     * the Readability class weight in the bits above 8 (offset by 100). Pure function: callers cache it per page,
     * because the same values repeat on hundreds of elements.
     */
    static int verdict(String value, boolean isClass) {
        if (value.isEmpty() || value.length() > 500) {
            return 100 << 8;
        }
        String v = lower(value);
        int bits = 0;
        if (isClass && HIDDEN_NAME.matcher(v).find()) {
            bits |= HIDDEN;
        }
        if (isClass && STRONG_CHROME.matcher(v).find() && !EMBED_NAME.matcher(v).find()) {
            bits |= STRONG;
        }
        if (chromeName(v)) {
            bits |= CHROME;
        }
        int w = 0;
        if (NEGATIVE_WEIGHT.matcher(v).find()) {
            w -= 25;
        }
        if (POSITIVE_WEIGHT.matcher(v).find()) {
            w += 25;
        }
        return bits | ((w + 100) << 8);
    }

    static int weightOf(int verdict) {
        return (verdict >> 8) - 100;
    }

    private static boolean chromeName(String value) {
        for (String name : value.split("\\s+")) {
            if (name.isEmpty()) {
                continue;
            }
            if (EMBED_NAME.matcher(name).find()) {
                // Embedded posts quoted by the article (tweets, Instagram) are content, whatever wraps them.
                return false;
            }
            if (STRONG_CHROME.matcher(name).find()) {
                return true;
            }
            // BEM names ("article__header"): the element part after "__" says what the thing is.
            int element = name.lastIndexOf("__");
            String meaning = element >= 0 ? name.substring(element + 2) : name;
            if (SOFT_CHROME.matcher(meaning).find() && !CONTENT_NAME.matcher(meaning).find()) {
                return true;
            }
        }
        return false;
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
