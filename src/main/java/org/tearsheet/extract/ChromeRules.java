package org.tearsheet.extract;

import java.util.Arrays;
import java.util.List;
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

    /** Class names of content hidden from sighted readers, or screen-reader-only furniture (whole names). */
    private static final Set<String> HIDDEN_NAMES = Set.of(
            "hidden", "hide", "d-none", "is-hidden", "sr-only", "visually-hidden", "visuallyhidden",
            "screen-reader-text", "screenreader-text", "screen-reader-only", "element-invisible", "offscreen",
            "a11y-only", "u-hidden", "vh");

    /**
     * Chrome tokens at the start of a class/id name segment. Strong ones mark chrome even next to a content
     * word ("article-share", "post-comments").
     */
    private static final NameTokens STRONG_CHROME = new NameTokens(List.of(
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
            "rollover-block", "rollover-card", "hovercard", "hover-card", "tooltip", "popover"));

    /** Furniture words distinctive enough to count anywhere in a name, camelCase included ("newsCaption"). */
    private static final NameTokens ANYWHERE_CHROME = new NameTokens(List.of(
            "caption", "credit", "breadcrumb", "newsletter", "outbrain", "taboola", "disqus", "copyright"));

    /** Weaker chrome tokens that a content word in the same name overrides ("article-footer" is not). */
    private static final NameTokens SOFT_CHROME = new NameTokens(List.of(
            "header", "footer", "masthead", "menu", "nav", "banner", "widget", "extra", "supplemental",
            "community", "meta$", "legends", "combx", "remark", "aside", "utility", "tools$"));

    private static final NameTokens EMBED_NAME = new NameTokens(List.of(
            "embed", "tweet", "twitter-tweet", "instagram-media"));
    private static final NameTokens CONTENT_NAME = new NameTokens(List.of(
            "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "column", "prose", "rich"));

    /** Readability's class weights: proven signals for "this is the content" / "this is furniture". */
    private static final NameTokens POSITIVE_WEIGHT = new NameTokens(List.of(
            "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
            "text", "blog", "story", "prose"));
    private static final NameTokens NEGATIVE_WEIGHT = new NameTokens(List.of(
            "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
            "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
            "skyscraper", "sponsor", "shopping", "tags", "widget", "caption", "credit", "byline", "newsletter",
            "social", "cookie"));

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
        String[] names = v.split("\\s+");
        int bits = 0;
        if (isClass) {
            for (String name : names) {
                if (HIDDEN_NAMES.contains(name)) {
                    bits |= HIDDEN;
                }
            }
            if ((STRONG_CHROME.matches(v) || ANYWHERE_CHROME.occursIn(v)) && !EMBED_NAME.matches(v)) {
                bits |= STRONG;
            }
        }
        if (chromeName(names)) {
            bits |= CHROME;
        }
        int w = 0;
        if (NEGATIVE_WEIGHT.occursIn(v) || Arrays.asList(names).contains("hid")) {
            w -= 25;
        }
        if (POSITIVE_WEIGHT.occursIn(v)) {
            w += 25;
        }
        return bits | ((w + 100) << 8);
    }

    static int weightOf(int verdict) {
        return (verdict >> 8) - 100;
    }

    private static boolean chromeName(String[] names) {
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            if (EMBED_NAME.matches(name)) {
                // Embedded posts quoted by the article (tweets, Instagram) are content, whatever wraps them.
                return false;
            }
            if (STRONG_CHROME.matches(name) || ANYWHERE_CHROME.occursIn(name)) {
                return true;
            }
            // BEM names ("article__header"): the element part after "__" says what the thing is.
            int element = name.lastIndexOf("__");
            String meaning = element >= 0 ? name.substring(element + 2) : name;
            if (SOFT_CHROME.matches(meaning) && !CONTENT_NAME.occursIn(meaning)) {
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
