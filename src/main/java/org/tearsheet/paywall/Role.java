package org.tearsheet.paywall;

/** What a piece of paywall evidence says about the page; see the comment in paywall-markers.json. */
enum Role {
    /** A paywall vendor is present on the page; not a restriction of this article by itself. */
    PLATFORM,
    /** This article is marked as access-restricted. */
    RESTRICTED,
    /** A gate is shown: barrier wording, or a gate container holding barrier or call-to-action wording. */
    BARRIER,
    /** Explicit evidence that the delivered text is cut short. */
    TRUNCATION,
    /** A client-side modal or backdrop over the page. */
    OVERLAY,
    /** A meter notice: free articles remaining. */
    METER,
    /** The free-article meter is used up. */
    EXHAUSTED,
    /** Subscriber session or access granted. */
    ACCESS,
    /** Subscribe, trial, upgrade or login wording; reported only inside a gate. */
    CTA,
    /** A short premium badge or label next to the article. */
    LABEL,
    /** An explicit "free" label. */
    FREE
}
