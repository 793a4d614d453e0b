/**
 * Generated from openapi.yaml by openapi-typescript (clients/typescript/scripts/generate.mjs).
 * Do not edit: change the route schemas, run `npm run openapi`, then `npm run client`.
 */

export interface paths {
    "/v1/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate the facts of a case
         * @description Runs every rule set that looks at each conduct item and returns the triggered rules with their circumstance, sanction range and citations, the rules that cannot be decided on the facts given (with the facts to establish), the non-sanction findings, and the classification of the case.
         */
        post: operations["evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evaluations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate several cases at once
         * @description Each case is validated and evaluated on its own: a bad case yields a problem in its own result (with pointers under /cases/{i}), not a failed batch. Rules and language are the same for every case; options are per case.
         */
        post: operations["evaluateBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rulesets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the loaded rule sets */
        get: operations["listRuleSets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rulesets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule set: its rules, with titles and the clauses they cite */
        get: operations["getRuleSet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clauses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clause catalog: every provision cited, with its versions, in-force dates, summaries, tiers, sources and unconfirmed flags */
        get: operations["listClauses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clauses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One provision of the catalog */
        get: operations["getClause"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schema/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The facts vocabulary as a standalone JSON Schema (draft 2020-12) */
        get: operations["getFactsSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reload the rules directory and the API keys without a restart (scope admin)
         * @description Reads API_KEYS / API_KEYS_FILE and the rules again, checks both aside, then swaps them in: all or nothing. A keys file or a rules directory that fails its checks is rejected with the reason (422), and the previous keys and rules keep serving. SIGHUP does the same.
         */
        post: operations["reloadRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a candidate rules directory would change in recorded decisions and golden cases (scope admin) */
        post: operations["measureRulesImpact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: rules loaded, with the revision in use */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API's OpenAPI 3.1 description */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A recorded decision (scope audit: with its facts; evaluate: your own, without)
         * @description The record keeps the facts (encrypted), the answer's digest and summary; the answer is rebuilt by replaying the facts on the recorded rules revision and shown when its digest is the recorded one (reproduced).
         */
        get: operations["getDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recorded decisions, newest first (scope audit: everyone's; evaluate: your own) */
        get: operations["listDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{decisionId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-evaluate a recorded decision on its own rules revision and on the current one (scope audit) */
        post: operations["replayDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{decisionId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the person's final decision on a recorded decision (scope review)
         * @description Reviews are append-only. Once a decision has a review, a correction is a new review that names it in `replaces`.
         */
        post: operations["reviewDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How often final decisions agree with the recommendations, per rule and version (scope review or audit)
         * @description Counts each reviewed decision (its current review decided between from and to, inclusive) under every rule its recommendation rests on: equal (the sanction imposed is the recommendation), inside (within the computed range) or outside.
         */
        get: operations["agreementStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A text in Chinese (zh) and English (en). */
        Text: {
            zh: string;
            en: string;
            /** @description In responses: the same text in the language of the response (lang). */
            text?: string;
        };
        /**
         * @description Sanction codes in ladder order: warning (警告), serious-warning (严重警告), removal-from-party-posts (撤销党内职务), probation (留党察看), expulsion (开除党籍).
         * @enum {string}
         */
        Sanction: "warning" | "serious-warning" | "removal-from-party-posts" | "probation" | "expulsion";
        /**
         * @description relatively-minor = 情节较轻; base = no qualifier; relatively-serious = 情节较重; serious = 情节严重.
         * @enum {string}
         */
        Circumstance: "relatively-minor" | "base" | "relatively-serious" | "serious";
        /**
         * @description The test of an article's tier, as its text words it: none (no qualifier), by-circumstances (视情节轻重: the whole range, no test), relatively-minor (情节较轻), relatively-serious (情节较重), serious (情节严重), bad-effect (造成不良影响), serious-bad-effect (造成严重不良影响), serious-consequences (造成严重后果), political-ecology-worsened (导致本地区、本部门、本单位政治生态恶化), lost-member-qualities (丧失党员条件，严重败坏党的形象), planner-organiser-core (策划者、组织者和骨干分子).
         * @enum {string}
         */
        TierTest: "none" | "by-circumstances" | "relatively-minor" | "relatively-serious" | "serious" | "bad-effect" | "serious-bad-effect" | "serious-consequences" | "political-ecology-worsened" | "lost-member-qualities" | "planner-organiser-core";
        /** @description Who the party member is. Personal identifiers are not needed and not accepted. */
        Subject: {
            /** @description The person is a member of the Communist Party of China. */
            partyMember: boolean;
            /** @description 党员领导干部: holds a leading post in a party or state organ, people's organisation, the military, or leads a state-owned enterprise or public institution, at the time of the conduct. The reference gives no official definition (副处级以上 is a press gloss). */
            leadingCadre?: boolean;
            /**
             * @description Administrative rank: national, provincial-ministerial (省部级), bureau (厅局级), division (县处级), section (乡科级), other.
             * @enum {string}
             */
            rank?: "national" | "provincial-ministerial" | "bureau" | "division" | "section" | "other";
            /** @description Holds a post inside the party (relevant to 撤销党内职务). */
            holdsPartyPost?: boolean;
            /** @description Bound by a rule that forbids for-profit activity (e.g. a civil servant, or a party or government cadre under the business bans). A status to establish, never assumed. */
            boundByBusinessBan?: boolean;
        };
        /** @description A 老乡会 / 校友会 / 战友会 or a group that may function as one. */
        Association: {
            /**
             * @description hometown (老乡会), alumni (校友会), veterans (战友会), other.
             * @enum {string}
             */
            kind?: "hometown" | "alumni" | "veterans" | "other";
            /**
             * @description organisation: a standing association; online-group: a WeChat/QQ or similar group; occasional-gathering: friends meeting now and then, not an association.
             * @enum {string}
             */
            form?: "organisation" | "online-group" | "occasional-gathering";
            /**
             * @description Where it mainly lives.
             * @enum {string}
             */
            medium?: "offline" | "wechat" | "qq" | "other-online";
            /** @description Registered with the civil-affairs authorities (民政部门登记注册). */
            registered?: boolean;
            /** @description Has an organising structure: an owner, officers or named assistants, regular activities. */
            organised?: boolean;
            /** @description How many members it has. */
            memberCount?: number;
            /** @description Who the members mainly are. */
            composition?: ("officials" | "businesspeople" | "military" | "academics" | "others")[];
            /** @description What the subject is in it: initiator (发起人), organiser, group-owner (群主), office-holder (e.g. 秘书长), member. Empty: not part of it. */
            subjectRoles?: ("initiator" | "organiser" | "group-owner" | "office-holder" | "member")[];
            /** @description The office the subject holds, in words, e.g. 秘书长. */
            officeTitle?: string;
            offlineGatherings?: {
                /** @description How many offline gatherings were held. */
                count?: number;
                /** @description Held on a fixed rhythm (e.g. one or two plenary gatherings a year). */
                regularised?: boolean;
            };
            /** @description What the subject personally did through it. Empty: established that the subject did none of these. */
            subjectActivities?: ("political-business-information-exchange" | "project-introduction" | "benefits-or-services-received" | "lavish-dining" | "power-for-money" | "placing-members-in-posts" | "demanding-personal-loyalty" | "trading-favours-for-political-capital")[];
            /** @description What other members did inside it. Counts toward the circumstances; not the subject's own offence. */
            memberActivities?: ("political-business-information-exchange" | "project-introduction" | "benefits-or-services-received" | "lavish-dining" | "power-for-money" | "placing-members-in-posts" | "demanding-personal-loyalty" | "trading-favours-for-political-capital")[];
            /** @description Public funds sponsored it or paid for its activities. */
            publicFundsUsed?: boolean;
            /** @description The subject was asked by the party organisation to withdraw or resign and did not. */
            refusedToWithdraw?: boolean;
        };
        /** @description What the subject said, spread or read, online or offline. */
        Speech: {
            /**
             * @description central-policy-criticism: 妄议 the central party's major policies; political-rumour: political rumours damaging party unity; other-rumour: other rumours (non-political false claims, e.g. a false public-safety rumour, included), false accusations or framing.
             * @enum {string}
             */
            content?: "central-policy-criticism" | "political-rumour" | "other-rumour";
            /**
             * @description One thing the subject did with it: authored (made and published it), spread (forwarded or spread others' content), read-privately. Kept for callers that state one action; it reads as `actions: [action]`. With `actions` as well, it must be one of them (otherwise 422 at speech/action).
             * @enum {string}
             */
            action?: "authored" | "spread" | "read-privately";
            /** @description Everything the subject did with it, as a set: an item may be both authored (妄议: 2015/2018 Art 46 para 1 item 2, 2023 Art 51 para 1 item 2) and spread (2015/2018 Art 47 para 1, 2023 Art 52 para 1); each action answers its own article. Empty: established that the subject did none of these. `action` alone reads as a set of one. */
            actions?: ("authored" | "spread" | "read-privately")[];
            /** @description The means the 妄议 article lists (an element of it): network (2015: 信息网络), radio, television, press (报刊), leaflets (named from 2018), books, lectures, forums, report-meetings, seminars, other-similar (the article's 等, as the officer finds). Empty: established that none was used (e.g. a conversation at a private dinner). A post in WeChat Moments, a group, Weibo or a website is through networks whatever this says. */
            means?: ("network" | "radio" | "television" | "press" | "leaflets" | "books" | "lectures" | "forums" | "report-meetings" | "seminars" | "other-similar")[];
            /** @description Reaches unspecified or many persons. Commentary only: no article reads it as an element (the 妄议 article's element is the means, `means`); that WeChat Moments are public is the Shandong case-review office's reading. */
            reachesPublic?: boolean;
            /** @description How many people it reached. */
            audienceSize?: number;
            /** @description Caused harm or bad effects (造成损害或者不良影响). */
            harmOrBadEffect?: boolean;
            /** @description Of bad political conduct (政治品行恶劣), as the case officer finds: an element of the second paragraph of the rumour article (2018 Art 52 para 2, 2023 Art 59 para 2). */
            badPoliticalConduct?: boolean;
        };
        /** @description Obscene, vulgar or other improper material (gambling links included) made, sold or passed on. */
        Content: {
            /**
             * @description obscene (淫秽), vulgar (低俗), gambling-link (links to gambling sites or apps) or other-improper material.
             * @enum {string}
             */
            kind?: "obscene" | "vulgar" | "gambling-link" | "other-improper";
            /**
             * @description forwarded, posted, made or sold.
             * @enum {string}
             */
            action?: "forwarded" | "posted" | "made" | "sold";
            /** @description Caused bad effects (造成不良影响). */
            badEffect?: boolean;
            /** @description Kept for callers of earlier versions: the same finding as `publicSecurityViolation` on the conduct item, which every conduct type has; it reads as that field. Stated in both places, the two must agree (otherwise 422 at content/publicSecurityViolation). */
            publicSecurityViolation?: boolean;
        };
        /** @description Gifts, red packets, loans and hospitality, received or given. */
        Benefit: {
            /**
             * @description gift-received / gift-given: gifts, cash, red packets, cards; borrowing: money, housing or cars borrowed; hospitality-received / hospitality-provided: banquets, travel, fitness, entertainment; public-funds-hospitality: banquets, entertainment or fitness paid with public funds, or gifts or cards bought with them to give or hand out; reception: receiving visitors (公务接待, from 2024 接待).
             * @enum {string}
             */
            kind?: "gift-received" | "gift-given" | "borrowing" | "hospitality-received" | "hospitality-provided" | "public-funds-hospitality" | "reception";
            /**
             * @description What was given, lent or provided: cash, red packets, gifts, cards, securities (gifts); banquets, travel, fitness, entertainment (hospitality); money, housing, cars (borrowing); disguised-fee: money given under the name of a lecture, research-project or consulting fee or the like (变相送礼, 2023 Art 98 para 2).
             * @enum {string}
             */
            form?: "cash" | "electronic-red-packet" | "gift" | "consumption-card" | "securities" | "banquet" | "travel" | "fitness" | "entertainment" | "money" | "housing" | "car" | "disguised-fee";
            /**
             * @description Who is on the other side: managed-or-served (管理和服务对象), subordinate, business-contact, colleague, relative-or-friend, other.
             * @enum {string}
             */
            counterpart?: "managed-or-served" | "subordinate" | "business-contact" | "colleague" | "relative-or-friend" | "other";
            /** @description For gifts given: the recipient is a person performing public duties (从事公务的人员) or their spouse, child, child's spouse or other relative, or a specific associate (特定关系人): the recipient element of the giving article (2015 Art 84, 2018 Art 89, 2023 Art 98 paras 1 and 2). */
            recipientPerformsPublicDuty?: boolean;
            /** @description The value in yuan (元). */
            amountYuan?: number;
            /** @description May affect the impartial performance of official duty. */
            mayAffectDuty?: boolean;
            /** @description Clearly exceeds normal reciprocity (明显超出正常礼尚往来). */
            exceedsNormalReciprocity?: boolean;
            /** @description Actually affected the impartial performance of duty (影响公正执行公务; the 2018 borrowing article needs an actual effect, 2023 only a possible one). */
            dutyAffected?: boolean;
            /** @description Paid for, or bought, with public funds (用公款支付、购买): an element of the public-funds article. */
            paidWithPublicFunds?: boolean;
            /** @description Contrary to the relevant rules (违反有关规定), as the case officer finds: an element of the public-funds article (some official meals and purchases are permitted). */
            contraryToRules?: boolean;
            /** @description High consumption (高消费): the 2015 and 2018 public-funds articles name high-consumption entertainment; 2023 drops the word. */
            highConsumption?: boolean;
            /** @description How a reception breached the (official) reception rules: over-standard (超标准), over-scope (超范围), lavish-eating (借机大吃大喝); empty means none of them. */
            receptionBreaches?: ("over-standard" | "over-scope" | "lavish-eating")[];
            /** @description The subject sought a benefit for the giver (为他人谋取利益): the bribery route. */
            benefitSoughtForGiver?: boolean;
        };
        /** @description Secrets leaked, spread, stolen, probed or kept. */
        Secret: {
            /**
             * @description cadre-selection or disciplinary-review matters, inspection (巡视巡察) matters, other confidential work, secret documents, or state secrets.
             * @enum {string}
             */
            kind?: "cadre-selection" | "disciplinary-review" | "inspection" | "other-confidential-work" | "secret-document" | "state-secret";
            /**
             * @description leaked, spread, stole, probed (打探) or kept privately.
             * @enum {string}
             */
            action?: "leaked" | "spread" | "stole" | "probed" | "kept-privately";
        };
        /** @description For-profit activity. */
        Business: {
            /**
             * @description online-shop, wechat-business (微商), running-enterprise, unlisted-shares, stock-trading, paid-brokering, other-for-profit.
             * @enum {string}
             */
            kind?: "online-shop" | "wechat-business" | "running-enterprise" | "unlisted-shares" | "stock-trading" | "paid-brokering" | "other-for-profit";
            /** @description Approved under the applicable rules. */
            authorised?: boolean;
        };
        /** @description Canvassing and vote buying. */
        Election: {
            /**
             * @description intra-party election, democratic recommendation or evaluation, village committee election, or people's congress election.
             * @enum {string}
             */
            election?: "intra-party" | "democratic-recommendation" | "village" | "peoples-congress";
            /** @description What the subject did. */
            conduct?: ("canvassing" | "vote-buying" | "inducing-votes")[];
            /** @description Used (electronic) red packets. */
            redPackets?: boolean;
            /** @description Organised vote buying (组织贿选). */
            organised?: boolean;
            /** @description Bought votes with public funds. */
            publicFunds?: boolean;
        };
        /** @description Non-organisational activity inside the party. */
        Faction: {
            /** @description forming-cliques (团团伙伙/拉帮结派), personal-power-base (培植个人势力), benefit-exchange (利益交换), political-capital (捞取政治资本), political-attachment (政治攀附, named from 2023). */
            behaviours?: ("forming-cliques" | "personal-power-base" | "benefit-exchange" | "political-capital" | "political-attachment")[];
            /** @description It worsened the political ecology of the locality, department or unit. */
            politicalEcologyWorsened?: boolean;
        };
        /** @description Use of one's position for others' benefit. */
        Position: {
            /** @description relatives-receive-property, power-for-power (权权交易), tolerating-relatives-profiting, relatives-business-benefit, meddling-in-market (incl. construction projects), power-for-money (权钱交易). */
            behaviours?: ("relatives-receive-property" | "power-for-power" | "tolerating-relatives-profiting" | "relatives-business-benefit" | "meddling-in-market" | "power-for-money")[];
            /** @description Concerns a construction project. */
            constructionProject?: boolean;
            /** @description Caused bad effects (造成不良影响). */
            badEffect?: boolean;
        };
        /** @description Assemblies, marches, demonstrations and the like: organising, joining, supporting or calling for them. */
        Protest: {
            /**
             * @description assembly (集会), march (游行), demonstration (示威): named in the article; blockade (堵门、堵路) and other gatherings are not named, and reading them as "the like" (等活动) is unconfirmed.
             * @enum {string}
             */
            kind?: "assembly" | "march" | "demonstration" | "blockade" | "other";
            /** @description The activity opposes the party's basic theory, basic line or major policies (2015 also names the basic programme, experience and requirements; 2018 and 2023 the basic strategy): paragraphs 1-2 of the article; otherwise it is one of the "other" activities of paragraph 4. */
            opposesPartyLine?: boolean;
            /**
             * @description The gravest role the subject had: planner, organiser, core-member (策划者、组织者、骨干分子) and participant took part in it; supporter supported it with information, materials, money or a venue without taking part; called-for-only urged others to take part without organising, supporting or taking part (a call that set up the activity is organising).
             * @enum {string}
             */
            role?: "planner" | "organiser" | "core-member" | "participant" | "supporter" | "called-for-only";
            /** @description Where the subject only called for the activity, or (paragraph 4) only supported it: whether the case officer finds that this amounts to taking part (参加). The text names only taking part in paragraph 4 and, besides the organisers, participants and supporters in paragraphs 1-2; the reading is unconfirmed, so the service does not make it. */
            treatedAsTakingPart?: boolean;
            /** @description Taking part was approved by the party organisation (经组织批准): paragraph 4 reaches only taking part without approval. */
            approvedByOrganisation?: boolean;
            /** @description Swept along into the activity without knowing the truth, and repentant after criticism and education (paragraph 3: may be exempted from sanction or not sanctioned). */
            misledAndRepented?: boolean;
            /** @description Caused seriously bad effects (造成严重不良影响): the test of paragraph 1 (expulsion of planners, organisers and core members). */
            seriousBadEffect?: boolean;
        };
        ConductItem: {
            /** @description The caller's own reference for this conduct item. */
            id?: string;
            /**
             * @description Which rule sets look at this item.
             * @enum {string}
             */
            type: "informal-association" | "online-speech" | "obscene-content" | "gifts-and-benefits" | "secrets" | "business-activity" | "election" | "faction" | "use-of-position" | "protest";
            /** @description When the conduct took place. Continuing conduct takes the version in force when it ended; a missing end leaves the version undetermined. */
            period: {
                /**
                 * Format: date
                 * @description When the conduct began (YYYY-MM-DD).
                 * @example 2017-12-31
                 */
                start?: string;
                /**
                 * Format: date
                 * @description When the conduct ended (YYYY-MM-DD): the version in force on this day applies to continuing conduct, and to repeated acts of one kind recorded as one item (the date of the last act). Several items on which one rule triggers are read the same way, as one series at the latest end among them (an inference, which the `series` of each entry of the answer states).
                 * @example 2017-12-31
                 */
                end?: string;
            };
            /**
             * @description Where it happened: wechat-moments, wechat-group, work-group, qq-group, private-chat, weibo, website-or-forum, offline-public, offline-private, meeting, other.
             * @enum {string}
             */
            channel?: "wechat-moments" | "wechat-group" | "work-group" | "qq-group" | "private-chat" | "weibo" | "website-or-forum" | "offline-public" | "offline-private" | "meeting" | "other";
            association?: components["schemas"]["Association"];
            speech?: components["schemas"]["Speech"];
            content?: components["schemas"]["Content"];
            benefit?: components["schemas"]["Benefit"];
            secret?: components["schemas"]["Secret"];
            business?: components["schemas"]["Business"];
            election?: components["schemas"]["Election"];
            faction?: components["schemas"]["Faction"];
            position?: components["schemas"]["Position"];
            protest?: components["schemas"]["Protest"];
            /**
             * @description The suspected crime the party organisation found in its review of this act (the law-linkage article, 2015/2018 Art 27, 2023 Art 29): none-found (the reading when absent), taking-bribes, offering-bribes, embezzlement, misappropriation, abuse-of-power, neglect-of-duty, leaking-state-secrets, sabotaging-elections, other. Whether a crime is made out is for the judicial organs.
             * @enum {string}
             */
            suspectedCrime?: "none-found" | "taking-bribes" | "offering-bribes" | "embezzlement" | "misappropriation" | "abuse-of-power" | "neglect-of-duty" | "leaking-state-secrets" | "sabotaging-elections" | "other";
            /** @description Found by the public-security organs to breach the Public Security Administration Punishment Law (e.g. spreading rumours that disturb public order, passing on obscene material or gambling links): the unlawful act of the unlawful-acts article (2015 Art 29, 2018 Art 28, 2023 Art 30, which names 违反治安管理). On every conduct type; obscene-content callers may still state it as content.publicSecurityViolation. Like the suspected crime, a finding recorded only when made: the law-linkage article's element is what the organisation found in its review, so an item that states none is read as none found (not unknown). */
            publicSecurityViolation?: boolean;
            /** @description Harmed the interests of the party, the state and the people (损害党、国家和人民利益): an element of the unlawful-acts article in every version (2015 Art 29 para 1, 2018 Art 28, 2023 Art 30 para 1), as the case officer finds. */
            harmsPartyStatePeople?: boolean;
            /** @description Affected the party's image (影响党的形象): an element of the unlawful-acts article in the 2015 version only (2015 Art 29 para 1), as the case officer finds. */
            affectsPartyImage?: boolean;
            /**
             * @description The subject's responsibility as the regulations define it (2015 Art 38 / 2018 Art 37 / 2023 Art 39), for the articles that name the direct or leadership-responsible person as subject: direct, principal-leadership, important-leadership, none.
             * @enum {string}
             */
            responsibility?: "direct" | "principal-leadership" | "important-leadership" | "none";
            /** @description Economic gains were obtained through this act (违纪所得的经济利益: profits, money, property), as the case officer finds. It decides whether the confiscation clause (2015 Art 41 para 1, 2018 Art 40 para 1, 2023 Art 43 para 1) is cited on rules whose elements are not themselves a receipt of property (for-profit activity, elections, use of position). Gains handed over voluntarily are a mitigating circumstance (surrendering-proceeds), not this fact. */
            improperGains?: boolean;
            /** @description Mitigating circumstances established (从轻/减轻): self-disclosure (主动交代), reporting-others, recovering-losses, surrendering-proceeds, cooperating-in-review (2018 Art 17; under 2015 Art 39 para 2 从轻 only), other-merit (立功表现). */
            mitigating?: ("self-disclosure" | "reporting-others" | "recovering-losses" | "surrendering-proceeds" | "cooperating-in-review" | "other-merit")[];
            /** @description Aggravating circumstances established (从重/加重): forcing-or-instigating-others, refusing-to-surrender-proceeds (from 2018), new-violation-after-sanction and earlier-undisclosed-violation (2015: 从重 only), not-stopping-during-campaign (2015 Art 19 only). */
            aggravating?: ("forcing-or-instigating-others" | "refusing-to-surrender-proceeds" | "new-violation-after-sanction" | "earlier-undisclosed-violation" | "not-stopping-during-campaign")[];
            /**
             * @description What the reviewer applies for the mitigating circumstances: lighter (从轻, within the range; the default) or reduced (减轻, one tier below).
             * @enum {string}
             */
            mitigationEffect?: "lighter" | "reduced";
            /**
             * @description heavier (从重, within the range; the default) or aggravated (加重, one tier above).
             * @enum {string}
             */
            aggravationEffect?: "heavier" | "aggravated";
            /**
             * @description In a joint violation: leader (为首者, 从重) or another participant.
             * @enum {string}
             */
            jointRole?: "leader" | "participant";
            /** @description The tiers established by the case officer, by rule id: EITHER a level of the 情节 scale (relatively-minor | base | relatively-serious | serious), which settles only the tests 情节较轻, 情节较重 and 情节严重, OR the tests one by one, e.g. { "serious": true, "political-ecology-worsened": false }. A statement wins over what the rule data reads from the facts; it never fills a test it does not name. */
            statedCircumstances?: {
                [key: string]: components["schemas"]["Circumstance"] | {
                    "relatively-minor"?: boolean;
                    "relatively-serious"?: boolean;
                    serious?: boolean;
                    "bad-effect"?: boolean;
                    "serious-bad-effect"?: boolean;
                    "serious-consequences"?: boolean;
                    "political-ecology-worsened"?: boolean;
                    "lost-member-qualities"?: boolean;
                    "planner-organiser-core"?: boolean;
                };
            };
        };
        Facts: {
            subject: components["schemas"]["Subject"];
            /** @description Mitigating and aggravating circumstances of the whole case, with the same codes as a conduct item's; they apply to every violation. A conduct item's own circumstances add to them, and its own mitigationEffect / aggravationEffect, where stated, wins for that item. */
            circumstances?: {
                /** @description Mitigating circumstances established (从轻/减轻): self-disclosure (主动交代), reporting-others, recovering-losses, surrendering-proceeds, cooperating-in-review (2018 Art 17; under 2015 Art 39 para 2 从轻 only), other-merit (立功表现). */
                mitigating?: ("self-disclosure" | "reporting-others" | "recovering-losses" | "surrendering-proceeds" | "cooperating-in-review" | "other-merit")[];
                /** @description Aggravating circumstances established (从重/加重): forcing-or-instigating-others, refusing-to-surrender-proceeds (from 2018), new-violation-after-sanction and earlier-undisclosed-violation (2015: 从重 only), not-stopping-during-campaign (2015 Art 19 only). */
                aggravating?: ("forcing-or-instigating-others" | "refusing-to-surrender-proceeds" | "new-violation-after-sanction" | "earlier-undisclosed-violation" | "not-stopping-during-campaign")[];
                /**
                 * @description What the reviewer applies for the mitigating circumstances: lighter (从轻, within the range; the default) or reduced (减轻, one tier below).
                 * @enum {string}
                 */
                mitigationEffect?: "lighter" | "reduced";
                /**
                 * @description heavier (从重, within the range; the default) or aggravated (加重, one tier above).
                 * @enum {string}
                 */
                aggravationEffect?: "heavier" | "aggravated";
            };
            conduct: components["schemas"]["ConductItem"][];
        };
        /** @description decisionDate: the date of the decision (default: today, UTC). It must not precede the end of any conduct. */
        EvaluationOptions: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             * @example 2017-12-31
             */
            decisionDate?: string;
            /**
             * @description none: results without the facts they rest on; summary (default): with them; full: adds every rule that was not triggered, with the established facts that rule it out.
             * @enum {string}
             */
            explain?: "none" | "summary" | "full";
            /**
             * @description Language of the `text` of every text in the response; overrides Accept-Language. Default zh.
             * @enum {string}
             */
            lang?: "zh" | "en";
        };
        EvaluationRequest: {
            facts: components["schemas"]["Facts"];
            options?: components["schemas"]["EvaluationOptions"];
        };
        Citation: {
            /** @description Catalog id of the provision (GET /v1/rulesets/{id} lists them). */
            clause: string;
            instrument: "ccp-discipline-regulations" | "notice-2002-associations";
            /** @description "2015", "2018", "2023" for the regulations; "2002" for the notice. */
            version: string;
            article: number;
            paragraph?: number;
            item?: number;
            /** @description The citation as a Chinese document would write it. */
            label: string;
            /** @description An English gloss of the label. */
            gloss: string;
            role?: components["schemas"]["Text"];
            summary: components["schemas"]["Text"];
            /** @description What the legal reference could not confirm about this provision and its version; empty when nothing. */
            unconfirmed: string[];
        };
        SanctionRange: {
            min: components["schemas"]["Sanction"];
            max: components["schemas"]["Sanction"];
        };
        FactRef: {
            /** @description JSON pointer into the request. */
            pointer: string;
            /** @description The value found there. */
            value: unknown;
            condition: components["schemas"]["Text"];
        };
        /** @description A tier of the article and how its test was established. */
        CircumstanceFinding: {
            tier: components["schemas"]["TierTest"];
            label: components["schemas"]["Text"];
            /** @description stated: the case officer stated the test (a level of the 情节 scale settles only 情节较轻/较重/严重); article: the article's own threshold, read from the facts (not an inference); inferred: derived from indicators kept in the rule data (our inference, not an official test); unqualified: the tier has no test (无情节限定 or 视情节轻重) and holds once the elements hold. */
            source: "stated" | "article" | "inferred" | "unqualified";
            /** @description article: the facts that decide the threshold. */
            facts?: components["schemas"]["FactRef"][];
            /** @description inferred: the indicators that were met, with the facts that met them. */
            indicators?: {
                id: string;
                title: components["schemas"]["Text"];
                facts: components["schemas"]["FactRef"][];
            }[];
            minIndicators?: number;
            provenance?: {
                source: string;
                inference: boolean;
                note?: components["schemas"]["Text"];
            };
            explanation: components["schemas"]["Text"];
        };
        /** @description A repeated series sent as separate conduct items: where one rule triggers on several items, they are read as one continuing or repeated violation, and the version is chosen once, at the last act. An inference of the service, labelled as such. */
        SeriesReading: {
            /** @description The conduct items joined (indices in facts.conduct): those on which the rule triggers on its own. An item on which it is undetermined, below its threshold or not pursued under its own version does not join. */
            conductIndices: number[];
            /**
             * Format: date
             * @description The earliest start among them, where every item states one.
             */
            firstAct?: string;
            /**
             * Format: date
             * @description The latest end among them: the version is chosen at this date, for every item.
             */
            lastAct: string;
            /**
             * @description Always true: a reading of the sources named, not the regulations' own words.
             * @enum {boolean}
             */
            inference: true;
            /** @description Ids of the public sources of the reading, as the rules' sources.json lists them (rules/sources.json); `text` names each by title and issuer. */
            sources: string[];
            text: components["schemas"]["Text"];
        };
        TriggeredRule: {
            ruleId: string;
            ruleSet: string;
            /** @description Index of the conduct item in facts.conduct. */
            conductIndex: number;
            conductId?: string;
            title: components["schemas"]["Text"];
            series?: components["schemas"]["SeriesReading"];
            appliedVersion: {
                instrument: string;
                /** @description The version applied. */
                version: string;
                /** @description The version in force when the conduct ended. */
                conductVersion: string;
                /** @description The version in force at the decision date. */
                decisionVersion: string;
                /**
                 * Format: date
                 * @description When the conduct ended; for an item of a series (`series`), the series' last act.
                 */
                conductEnded: string;
                reason: components["schemas"]["Text"];
                /** @description The temporal clause (从旧兼从轻), where the two versions differ. */
                citations: components["schemas"]["Citation"][];
                /** @description Where two versions were compared: the outcome each gives by its own tests (从旧兼从轻 compares these). */
                outcomes?: {
                    /** @description What one version gives by its own elements and tier tests. */
                    conductVersion: {
                        /** @description undetermined: no tier of that version is established yet (only the later version can be; it is then not shown lighter). */
                        status: "established" | "undetermined";
                        tier?: components["schemas"]["TierTest"];
                        sanctionRange?: components["schemas"]["SanctionRange"];
                    };
                    /** @description What one version gives by its own elements and tier tests. */
                    decisionVersion: {
                        /** @description undetermined: no tier of that version is established yet (only the later version can be; it is then not shown lighter). */
                        status: "established" | "undetermined";
                        tier?: components["schemas"]["TierTest"];
                        sanctionRange?: components["schemas"]["SanctionRange"];
                    };
                };
                /** @description True when tiers still open or undetermined in either version could change which version applies; `settle` names what would settle it. */
                provisional: boolean;
                /** @description JSON pointers (statements and facts) that would settle a provisional choice of version; empty when not provisional. */
                settle: string[];
            };
            circumstance: components["schemas"]["CircumstanceFinding"];
            appliedTier: components["schemas"]["TierTest"];
            sanctionRange: components["schemas"]["SanctionRange"];
            /** @description Graver tiers of the version applied whose tests are still unknown, each with what would establish it: the range could still rise to theirs. */
            openTiers: {
                tier: components["schemas"]["TierTest"];
                label: components["schemas"]["Text"];
                sanctionRange: components["schemas"]["SanctionRange"];
                /** @description JSON pointers that would establish the tier: the statement key (statedCircumstances/<rule id>/<test>) and the facts the rule data reads. */
                missing: string[];
                explanation: components["schemas"]["Text"];
            }[];
            citations: components["schemas"]["Citation"][];
            referral?: {
                text: components["schemas"]["Text"];
                citations: components["schemas"]["Citation"][];
            };
            /** @description Aggravation the applied article itself prescribes for these facts. */
            statutoryAdjustments: {
                id: string;
                /** @description heavier (从重) or heavier-or-aggravated (从重或者加重), as the article prescribes. */
                effect: string;
                text: components["schemas"]["Text"];
                citations: components["schemas"]["Citation"][];
            }[];
            /** @description The facts that satisfied the rule's elements (omitted with explain: none). */
            because?: components["schemas"]["FactRef"][];
            /** @description Omitted with explain: none. */
            notes?: {
                id: string;
                text: components["schemas"]["Text"];
            }[];
        };
        UndeterminedRule: {
            ruleId: string;
            ruleSet: string;
            /** @description Index of the conduct item in facts.conduct. */
            conductIndex: number;
            conductId?: string;
            title: components["schemas"]["Text"];
            series?: components["schemas"]["SeriesReading"];
            /** @description JSON pointers of the facts to establish next. */
            missing: string[];
            explanation: components["schemas"]["Text"];
        };
        NonSanctionFinding: {
            ruleId: string;
            ruleSet: string;
            /** @description Index of the conduct item in facts.conduct. */
            conductIndex: number;
            conductId?: string;
            title: components["schemas"]["Text"];
            series?: components["schemas"]["SeriesReading"];
            /** @description below-threshold: the elements are met but the circumstance is below the article's lowest tier (no sanction under it; criticism, education or 诫勉 remain possible); superseded: another rule applies instead to the same act; outside-encoded-period: the conduct ended before the encoded versions were in force — not a finding of no violation; no-provision-in-version: the version in force when the conduct ended has no such provision, so the act is not pursued; version-not-encoded: that version's provision is not encoded (not a finding of no violation); not-a-violation-under-later-version: the version in force at decision does not treat the act as a violation (从旧兼从轻); not-a-violation-under-conduct-version: only a later, broader version reaches the act, so it is not pursued. */
            status: "below-threshold" | "superseded" | "outside-encoded-period" | "no-provision-in-version" | "version-not-encoded" | "not-a-violation-under-later-version" | "not-a-violation-under-conduct-version";
            supersededBy?: string;
            circumstance?: components["schemas"]["CircumstanceFinding"];
            /** @description For not-a-violation-under-conduct-version: the facts that fail the old version's elements. */
            failed?: components["schemas"]["FactRef"][];
            explanation: components["schemas"]["Text"];
            citations: components["schemas"]["Citation"][];
        };
        NotTriggeredRule: {
            ruleId: string;
            ruleSet: string;
            /** @description Index of the conduct item in facts.conduct. */
            conductIndex: number;
            conductId?: string;
            title: components["schemas"]["Text"];
            series?: components["schemas"]["SeriesReading"];
            /** @description Established facts that rule the rule out. */
            failed: components["schemas"]["FactRef"][];
        };
        Classification: {
            /** @description sanction-proposed: at least one rule triggered and a sanction range (sanctionRange; a single sanction where recommended names one) is proposed; exemption-proposed: rules triggered, but the arithmetic proposes 免予处分 for every violation; undetermined: none triggered but some cannot be decided on the facts given; no-sanction-proposed: no encoded rule proposes a sanction (see findings for why — this is not a finding that the conduct is clean). */
            status: "sanction-proposed" | "exemption-proposed" | "no-sanction-proposed" | "undetermined";
            /** @description True when undetermined rules, a missing fact of the arithmetic or an open tier of a triggered rule could still change the outcome. */
            provisional: boolean;
            /** @description The range the case can end in after every step of the arithmetic (从轻/从重, 减轻/加重, 免予处分, 合并处理, the no-party-post substitution); null when nothing is proposed or every violation is exempted. */
            sanctionRange: components["schemas"]["SanctionRange"] | null;
            /** @description A sanction only where sanctionRange is one sanction; otherwise null (see recommendation). */
            recommended: components["schemas"]["Sanction"] | null;
            /** @description Whether the answer recommends one sanction, and if not, why not and what would narrow the range. */
            recommendation: {
                /** @description True where the arithmetic leaves one outcome: a single sanction (recommended names it) or 免予处分 (recommended is null). */
                fixed: boolean;
                /**
                 * @description single-sanction: the range after every step is one sanction, which is recommended; exemption: every violation is exempted (免予处分); range-not-narrowed: nothing stated places the case within its range, and the regulations fix no starting point within a range, so no single sanction is recommended (narrowedBy says what would narrow it); nothing-proposed: no rule is triggered.
                 * @enum {string}
                 */
                reason: "single-sanction" | "exemption" | "range-not-narrowed" | "nothing-proposed";
                /** @description With range-not-narrowed: the statements and open tiers that would narrow the range; empty otherwise. */
                narrowedBy: {
                    /**
                     * @description mitigating / aggravating: stating such a circumstance (从轻 / 从重 move the range one step); reduced / aggravated: choosing 减轻 / 加重 for the circumstances stated, which leaves one sanction; tier: establishing an open tier of a triggered rule.
                     * @enum {string}
                     */
                    lever: "mitigating" | "aggravating" | "reduced" | "aggravated" | "tier";
                    /** @description JSON pointer of the field of the request that states it. */
                    pointer: string;
                    ruleId?: string;
                    conductIndex?: number;
                }[];
                explanation: components["schemas"]["Text"];
            };
            basis: {
                ruleId: string;
                conductIndex: number;
            }[];
            /** @description The ordered steps from the triggered ranges to sanctionRange, each with the range before and after and its clause. */
            adjustments: {
                /** @description lighter, reduced, cannot-reduce, exemption, heavier, aggravated, offset, circumstance-not-listed, multiple-violations, no-party-post, no-party-post-unknown, order-of-steps. */
                step: string;
                ruleId?: string;
                conductIndex?: number;
                /** @description The range before the step; null: no sanction (免予处分). */
                from: components["schemas"]["SanctionRange"] | null;
                /** @description The range after the step; null: no sanction (免予处分). */
                to: components["schemas"]["SanctionRange"] | null;
                sanction?: components["schemas"]["Sanction"];
                explanation: components["schemas"]["Text"];
                /** @description The general provisions, in the version in force at decision. */
                citations: components["schemas"]["Citation"][];
                assumption?: components["schemas"]["Text"];
            }[];
            /** @description Facts (JSON pointers) of the arithmetic whose absence leaves the range open. */
            missing: string[];
            referral: {
                suspectedCrime: boolean;
                rules: string[];
                text: components["schemas"]["Text"];
                citations: components["schemas"]["Citation"][];
            } | null;
            explanation: components["schemas"]["Text"];
        };
        EvaluationResponse: {
            /**
             * Format: uuid
             * @description Unique per evaluation.
             */
            decisionId: string;
            /** @description Content hash of the loaded rules. */
            rulesRevision: string;
            /** Format: date-time */
            evaluatedAt: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             * @example 2017-12-31
             */
            decisionDate: string;
            triggered: components["schemas"]["TriggeredRule"][];
            undetermined: components["schemas"]["UndeterminedRule"][];
            findings: components["schemas"]["NonSanctionFinding"][];
            /** @description Only with explain: full. */
            notTriggered?: components["schemas"]["NotTriggeredRule"][];
            /**
             * @description The language of every `text`.
             * @enum {string}
             */
            lang: "zh" | "en";
            /** @description What produced this answer. The same request on the same rules revision gives the same result, apart from decisionId and evaluatedAt. */
            provenance: {
                serviceVersion: string;
                rulesRevision: string;
                decisionId: string;
                /** Format: date-time */
                evaluatedAt: string;
                /** @description The instruments and versions cited in this response. */
                instruments: {
                    instrument: string;
                    versions: string[];
                }[];
            };
            classification: components["schemas"]["Classification"];
            disclaimer: components["schemas"]["Text"];
        };
        Problem: {
            /** @description Stable identifier of the kind of problem, e.g. urn:discipline-rules:problem:validation-failed. */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                /** @description JSON pointer of the offending field in the request body ("" for the whole body). */
                pointer: string;
                detail: string;
            }[];
        };
        RuleSetSummary: {
            id: string;
            title: components["schemas"]["Text"];
            description: components["schemas"]["Text"];
            conductType: string;
            /** @description How many rules the set holds. */
            rules: number;
            href: string;
        };
        RuleSetList: {
            rulesRevision: string;
            ruleSets: components["schemas"]["RuleSetSummary"][];
        };
        RuleDescription: {
            id: string;
            title: components["schemas"]["Text"];
            clause: string;
            /** @description True when the rule infers a circumstance from indicators (labelled as inferred in evaluations). */
            inferredCircumstance: boolean;
            provenance: {
                source: string;
                inference: boolean;
                note?: components["schemas"]["Text"];
            };
            /** @description Every clause the rule may cite, in every encoded version. */
            citations: components["schemas"]["Citation"][];
            /** @description The json-rules-engine conditions, as authored. */
            conditions: unknown;
        };
        RuleSetDetail: {
            id: string;
            rulesRevision: string;
            title: components["schemas"]["Text"];
            description: components["schemas"]["Text"];
            conductType: string;
            rules: components["schemas"]["RuleDescription"][];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready";
            rulesRevision: string;
            /** Format: date-time */
            loadedAt: string;
            ruleSets: string[];
        };
        /** @description Up to the configured number of cases (BATCH_LIMIT, default 100). A bad case yields a problem in its own slot, not a failed batch. */
        BatchRequest: {
            cases: unknown[];
        };
        BatchResponse: {
            rulesRevision: string;
            results: {
                index: number;
                /** @description 200, or the status the case would have had alone (400, 422). */
                status: number;
                evaluation?: components["schemas"]["EvaluationResponse"];
                problem?: components["schemas"]["Problem"];
            }[];
        };
        Clause: {
            id: string;
            instrument: string;
            instrumentTitle: components["schemas"]["Text"];
            title: components["schemas"]["Text"];
            kind: string;
            subject?: components["schemas"]["Text"];
            before?: {
                summary: components["schemas"]["Text"];
                source: string;
            };
            versions: {
                version: string;
                inForce: {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD.
                     * @example 2017-12-31
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD.
                     * @example 2017-12-31
                     */
                    to?: string;
                };
                article: number;
                paragraph?: number;
                item?: number;
                label: string;
                gloss: string;
                summary: components["schemas"]["Text"];
                tiers?: {
                    test: components["schemas"]["TierTest"];
                    sanctions: components["schemas"]["Sanction"][];
                    label?: components["schemas"]["Text"];
                }[];
                covers?: string[];
                source: string;
                unconfirmed: string[];
            }[];
            absent: {
                version: string;
                confirmed: boolean;
                note: components["schemas"]["Text"];
                source: string;
            }[];
            href: string;
        };
        ClauseList: {
            rulesRevision: string;
            clauses: components["schemas"]["Clause"][];
        };
        DecisionSummary: {
            /** Format: uuid */
            decisionId: string;
            /** Format: date-time */
            evaluatedAt: string;
            client: string;
            rulesRevision: string;
            /** @description The rules the answer found triggered. */
            ruleIds: string[];
            /** @description classification.status of the answer. */
            status: string;
            recommended: components["schemas"]["Sanction"] | null;
        };
        DecisionList: {
            items: components["schemas"]["DecisionSummary"][];
            /** @description The cursor of the next page, or null on the last. */
            next: string | null;
        };
        /** @description The parts of the answer the record keeps beside its digest: what it is listed, counted and compared by. */
        RecordedSummary: {
            /** @description classification.status of the answer. */
            status: string;
            /** @description classification.provisional of the answer. */
            provisional: boolean;
            /** @description The triggered rules by rule id, each with one finding per conduct item that triggers it (two items may trigger one rule at different tiers, ranges or versions). */
            rules: {
                [key: string]: {
                    /** @description The conduct item (facts.conduct index) that triggers the rule. Absent in records written before the summary kept every conduct item (those kept one finding per rule, the last item's). */
                    conductIndex?: number;
                    /** @description appliedTier. */
                    tier: string;
                    /** @description sanctionRange as min..max. */
                    range: string;
                    /** @description appliedVersion.version. */
                    version: string;
                }[];
            };
            recommended: components["schemas"]["Sanction"] | null;
            /** @description classification.sanctionRange. */
            range: {
                min: components["schemas"]["Sanction"];
                max: components["schemas"]["Sanction"];
            } | null;
            /** @description The rules the classification rests on. */
            basis: string[];
        };
        DecisionRecord: {
            /** Format: uuid */
            decisionId: string;
            /** Format: date-time */
            evaluatedAt: string;
            /** Format: date-time */
            recordedAt: string;
            client: string;
            requestId: string;
            serviceVersion: string;
            rulesRevision: string;
            lang: string;
            options: components["schemas"]["EvaluationOptions"];
            facts?: components["schemas"]["Facts"];
            /** @description SHA-256 (base64url) of the answer's JSON as it was sent. The record keeps this digest, not the answer. */
            answerDigest: string;
            summary: components["schemas"]["RecordedSummary"];
            /** @description Whether replaying the facts on the recorded rules revision gave the recorded answer again (the same digest). */
            reproduced: boolean;
            answer?: components["schemas"]["EvaluationResponse"];
        };
        ReplayResult: {
            /** Format: uuid */
            decisionId: string;
            recordedRevision: string;
            currentRevision: string;
            /** @description Whether the recorded revision gives exactly the recorded answer again (the digest of its JSON equals the recorded one). */
            reproduced: boolean;
            /** @description When not reproduced: where the summary of the answer rebuilt on the recorded revision departs from the recorded summary (pointers into the summary); empty when reproduced. */
            differences: {
                /** @description JSON pointer into the answer. */
                pointer: string;
                op: "added" | "removed" | "changed";
                recorded?: unknown;
                current?: unknown;
            }[];
            /** @description What the current revision answers differently from the answer rebuilt on the recorded one (the recorded answer, when reproduced), apart from ids, times and versions. */
            changes: {
                /** @description JSON pointer into the answer. */
                pointer: string;
                op: "added" | "removed" | "changed";
                recorded?: unknown;
                current?: unknown;
            }[];
        };
        ReviewRequest: {
            /** @description The sanction imposed, or null for none. */
            sanction: components["schemas"]["Sanction"] | null;
            articles: {
                instrument: string;
                version: string;
                article: number;
                paragraph?: number;
            }[];
            reviewer: string;
            reason: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             * @example 2017-12-31
             */
            decidedOn: string;
            /**
             * Format: uuid
             * @description The review this one corrects (required once the decision has a review).
             */
            replaces?: string;
        };
        ReviewCreated: {
            /** Format: uuid */
            reviewId: string;
            /** Format: uuid */
            decisionId: string;
            replaces: string | null;
        };
        AgreementStats: {
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             * @example 2017-12-31
             */
            from: string;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD.
             * @example 2017-12-31
             */
            to: string;
            /** @description Decisions whose current review was decided in the window. */
            reviewed: number;
            rules: {
                /** @description null: decisions whose recommendation rests on no rule. */
                ruleId: string | null;
                version: string | null;
                equal: {
                    count: number;
                    decisionIds: string[];
                };
                inside: {
                    count: number;
                    decisionIds: string[];
                };
                outside: {
                    count: number;
                    decisionIds: string[];
                };
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The service version that answered, e.g. 0.1.0. */
        "X-Service-Version": string;
        /** @description The rules revision the answer was computed on (sha256:…), as in rulesRevision and GET /readyz. */
        "X-Rules-Revision": string;
    };
    pathItems: never;
}
export type SchemaText = components['schemas']['Text'];
export type SchemaSanction = components['schemas']['Sanction'];
export type SchemaCircumstance = components['schemas']['Circumstance'];
export type SchemaTierTest = components['schemas']['TierTest'];
export type SchemaSubject = components['schemas']['Subject'];
export type SchemaAssociation = components['schemas']['Association'];
export type SchemaSpeech = components['schemas']['Speech'];
export type SchemaContent = components['schemas']['Content'];
export type SchemaBenefit = components['schemas']['Benefit'];
export type SchemaSecret = components['schemas']['Secret'];
export type SchemaBusiness = components['schemas']['Business'];
export type SchemaElection = components['schemas']['Election'];
export type SchemaFaction = components['schemas']['Faction'];
export type SchemaPosition = components['schemas']['Position'];
export type SchemaProtest = components['schemas']['Protest'];
export type SchemaConductItem = components['schemas']['ConductItem'];
export type SchemaFacts = components['schemas']['Facts'];
export type SchemaEvaluationOptions = components['schemas']['EvaluationOptions'];
export type SchemaEvaluationRequest = components['schemas']['EvaluationRequest'];
export type SchemaCitation = components['schemas']['Citation'];
export type SchemaSanctionRange = components['schemas']['SanctionRange'];
export type SchemaFactRef = components['schemas']['FactRef'];
export type SchemaCircumstanceFinding = components['schemas']['CircumstanceFinding'];
export type SchemaSeriesReading = components['schemas']['SeriesReading'];
export type SchemaTriggeredRule = components['schemas']['TriggeredRule'];
export type SchemaUndeterminedRule = components['schemas']['UndeterminedRule'];
export type SchemaNonSanctionFinding = components['schemas']['NonSanctionFinding'];
export type SchemaNotTriggeredRule = components['schemas']['NotTriggeredRule'];
export type SchemaClassification = components['schemas']['Classification'];
export type SchemaEvaluationResponse = components['schemas']['EvaluationResponse'];
export type SchemaProblem = components['schemas']['Problem'];
export type SchemaRuleSetSummary = components['schemas']['RuleSetSummary'];
export type SchemaRuleSetList = components['schemas']['RuleSetList'];
export type SchemaRuleDescription = components['schemas']['RuleDescription'];
export type SchemaRuleSetDetail = components['schemas']['RuleSetDetail'];
export type SchemaHealth = components['schemas']['Health'];
export type SchemaReadiness = components['schemas']['Readiness'];
export type SchemaBatchRequest = components['schemas']['BatchRequest'];
export type SchemaBatchResponse = components['schemas']['BatchResponse'];
export type SchemaClause = components['schemas']['Clause'];
export type SchemaClauseList = components['schemas']['ClauseList'];
export type SchemaDecisionSummary = components['schemas']['DecisionSummary'];
export type SchemaDecisionList = components['schemas']['DecisionList'];
export type SchemaRecordedSummary = components['schemas']['RecordedSummary'];
export type SchemaDecisionRecord = components['schemas']['DecisionRecord'];
export type SchemaReplayResult = components['schemas']['ReplayResult'];
export type SchemaReviewRequest = components['schemas']['ReviewRequest'];
export type SchemaReviewCreated = components['schemas']['ReviewCreated'];
export type SchemaAgreementStats = components['schemas']['AgreementStats'];
export type HeaderXServiceVersion = components['headers']['X-Service-Version'];
export type HeaderXRulesRevision = components['headers']['X-Rules-Revision'];
export type $defs = Record<string, never>;
export interface operations {
    evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationRequest"];
            };
        };
        responses: {
            /** @description The evaluation. */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationResponse"];
                };
            };
            /** @description Malformed JSON, a body that does not match the schema (each bad field by JSON pointer), or a limit exceeded (nesting depth, string length, conduct items). */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the configured limit. */
            413: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed facts that are inconsistent: an end before a start, conduct after the decision date, an unknown rule id. */
            422: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this client; see Retry-After. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error. */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded (the service is shedding load), or the decision store cannot take the record (store-unavailable): nothing is answered; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluateBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchRequest"];
            };
        };
        responses: {
            /** @description One result per case, in order. */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            /** @description Malformed JSON, or no cases, or more than the configured number of cases, or a limit exceeded. */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the configured batch limit. */
            413: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this client; see Retry-After. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error. */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded (the service is shedding load), or the decision store cannot take the record (store-unavailable): nothing is answered; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRuleSets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetList"];
                };
            };
            /** @description Not modified: the If-None-Match header names the current ETag. No body. */
            304: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many refused requests (no or an invalid key) from this address; see Retry-After. A valid key is not rate limited on this route. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded: the service is shedding load; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Rule set id, e.g. informal-associations. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetDetail"];
                };
            };
            /** @description Not modified: the If-None-Match header names the current ETag. No body. */
            304: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No rule set with this id. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many refused requests (no or an invalid key) from this address; see Retry-After. A valid key is not rate limited on this route. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded: the service is shedding load; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClauses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClauseList"];
                };
            };
            /** @description Not modified: the If-None-Match header names the current ETag. No body. */
            304: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many refused requests (no or an invalid key) from this address; see Retry-After. A valid key is not rate limited on this route. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded: the service is shedding load; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Clause id, e.g. ccp.association. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clause"];
                };
            };
            /** @description Not modified: the If-None-Match header names the current ETag. No body. */
            304: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No clause with this id. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many refused requests (no or an invalid key) from this address; see Retry-After. A valid key is not rate limited on this route. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded: the service is shedding load; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFactsSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Schema document. */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the If-None-Match header names the current ETag. No body. */
            304: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the evaluate scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many refused requests (no or an invalid key) from this address; see Retry-After. A valid key is not rate limited on this route. */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded: the service is shedding load; see Retry-After. */
            503: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reloadRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "reloaded" | "unchanged";
                        rulesRevision: string;
                        previousRevision: string;
                        /** Format: date-time */
                        loadedAt: string;
                        keys: {
                            /** @description reloaded: API_KEYS and API_KEYS_FILE were read again; static: no keys to re-read (running open). */
                            status: "reloaded" | "static";
                            /** @description How many clients have a key now. */
                            clients: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The new keys or the new rules failed their checks; nothing changed. */
            422: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    measureRulesImpact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Every file of the candidate rules directory (index.json, sources.json, conditions.json, catalog/…, rulesets/…) by path, with its JSON. */
                    files: {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: date-time
                     * @description Recorded decisions evaluated at or after.
                     */
                    from?: string;
                    /**
                     * Format: date-time
                     * @description Recorded decisions evaluated before.
                     */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidateRevision: string;
                        window: {
                            from: string | null;
                            to: string | null;
                        };
                        decisions: {
                            answers: number;
                            /** @description Answers in which anything counted here changes. */
                            changed: number;
                            rules: {
                                ruleId: string;
                                gained: number;
                                lost: number;
                                tierChanged: number;
                                rangeChanged: number;
                                recommendationChanged: number;
                                /** @description Reviewed decisions resting on the rule whose imposed sanction lies within the computed range (agree) or not, on the recorded answer and on the candidate. */
                                reviewed: {
                                    agreeBefore: number;
                                    agreeAfter: number;
                                    disagreeBefore: number;
                                    disagreeAfter: number;
                                };
                            }[];
                            /** @description Records whose own revision gives their recorded answer again. */
                            reproduced: number;
                            reviewed: number;
                        };
                        goldenCases: {
                            answers: number;
                            /** @description Answers in which anything counted here changes. */
                            changed: number;
                            rules: {
                                ruleId: string;
                                gained: number;
                                lost: number;
                                tierChanged: number;
                                rangeChanged: number;
                                recommendationChanged: number;
                                /** @description Reviewed decisions resting on the rule whose imposed sanction lies within the computed range (agree) or not, on the recorded answer and on the candidate. */
                                reviewed: {
                                    agreeBefore: number;
                                    agreeAfter: number;
                                    disagreeBefore: number;
                                    disagreeAfter: number;
                                };
                            }[];
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The candidate failed the checks every rules directory must pass. */
            422: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRecord"];
                };
            };
            /** @description Not a decision id. */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such decision (or not the caller's own), or this instance keeps no records. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (e.g. the decision store is unavailable). */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDecisions: {
        parameters: {
            query?: {
                /** @description Only decisions that found this rule triggered. */
                ruleId?: string;
                client?: string;
                /** @description Evaluated at or after. */
                from?: string;
                /** @description Evaluated before. */
                to?: string;
                /** @description The `next` of the previous page. */
                cursor?: string;
                /** @description Page size, default 50. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionList"];
                };
            };
            /** @description A bad filter or cursor. */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such decision (or not the caller's own), or this instance keeps no records. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (e.g. the decision store is unavailable). */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            /** @description Not a decision id. */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such decision (or not the caller's own), or this instance keeps no records. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (e.g. the decision store is unavailable). */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviewDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewCreated"];
                };
            };
            /** @description A body that does not match the schema. */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such decision, or this instance keeps no records. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The decision already has a current review: name it in `replaces`. */
            409: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `replaces` names no review of this decision. */
            422: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (e.g. the decision store is unavailable). */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    agreementStats: {
        parameters: {
            query?: {
                /**
                 * @description First day (decidedOn), default 1970-01-01.
                 * @example 2017-12-31
                 */
                from?: string;
                /**
                 * @description Last day (decidedOn), default 9999-12-31.
                 * @example 2017-12-31
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementStats"];
                };
            };
            /** @description A bad date. */
            400: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or an invalid API key. */
            401: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope. */
            403: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance keeps no records. */
            404: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (e.g. the decision store is unavailable). */
            500: {
                headers: {
                    "X-Service-Version": components["headers"]["X-Service-Version"];
                    "X-Rules-Revision": components["headers"]["X-Rules-Revision"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
