/* rp_region: place names recognised by their administrative suffix (省 市
 * 州 盟 区 县 旗 镇 乡 街道 村 社区), never by a list of known places.
 *
 * A place is 2-7 Han characters ending in a suffix, whose name part does not
 * start with a function word (在 对 全 我 ...) and is not a common noun that
 * happens to end in a suffix character (城市, 开发区, 行政村). Consecutive
 * places chain: 常宁市荫田镇, 合肥新站高新区三十头社区.
 *
 * Pure functions over normalised (simplified) UTF-8; no allocation. */
#ifndef RP_REGION_H
#define RP_REGION_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/* Administrative level of a place: 1 省, 2 市/州/盟, 3 区/县/旗, 4 镇/乡/街道,
 * 5 村/社区; 0 none. */
typedef struct rp_place {
    size_t start, end; /* byte range of the whole chain */
    int level;         /* level of its last (most specific) element */
} rp_place;

/* Parses a place chain starting exactly at s[i]. */
bool rp_region_place_at(const char *s, size_t n, size_t i, rp_place *out);

/* A point of a list at s[i] (一是 二是 … 十是): its length, 0 when none. */
size_t rp_region_point_at(const char *s, size_t n, size_t i);

/* Whether cp is the last character of an administrative suffix (省 市 州 盟
 * 区 县 旗 镇 乡 村, 街道's 道): where a place name can end. A cheap test
 * before reading a name back from there. */
static inline bool rp_region_suffix_end(uint32_t cp)
{
    switch (cp) {
    case 0x7701: case 0x5E02: case 0x5DDE: case 0x76DF: case 0x533A: case 0x53BF:
    case 0x65D7: case 0x9547: case 0x4E61: case 0x6751: case 0x9053:
        return true;
    default:
        return false;
    }
}

/* At s[i]: 我省/全省/本市/全区 ... -> the level it refers to, else 0. Sets
 * *len to its byte length. */
int rp_region_self_ref(const char *s, size_t n, size_t i, size_t *len);

/* The item number at s[i]: kind 1 `三、`, 2 `(三)`, 3 `3.` or `3、`, 4 `(3)`,
 * with its number in *num and the byte after it in *end; 0 when none. */
int rp_region_item_number(const char *s, size_t n, size_t i, int *num, size_t *end);

/* True when the character after a place marks it as something other than
 * the subject of its clause: 委 (区委 = the committee), 、 和 与 等 (a list),
 * 的 (a modifier). */
bool rp_region_not_subject(const char *s, size_t n, size_t end);

/* A village's 村民小组 named at s[i]: numbered (第五村民小组, 3组, 七组) or
 * by its hamlet (石板冲组, 杨家组); returns the end of the name, 0 when
 * none. Words with 组 (组长 组织 工作组 一组一品) and ranges are no group.
 * Its level is RP_REGION_GROUP_LEVEL, below the village. */
#define RP_REGION_GROUP_LEVEL 6
size_t rp_region_group_at(const char *s, size_t n, size_t i);
/* Level of a place string (its last suffix), 0 when none. */
int rp_region_level_of(const char *place);

/* ---- region scope while scanning a document ----
 *
 * doc: the main region (title, first lines, or 我省 + the first XX省 in the
 * text). A place that opens a clause as its subject (not followed by 委, 、,
 * 的 ...) switches the region: for the rest of the document when it is the
 * first such place of a plain paragraph (a section about 槐荫区), for the
 * rest of the sentence inside an enumerated paragraph (一、... 苗山镇5名...),
 * for the rest of the paragraph in a short one (a table row 新港街道...).
 * A place that the main region ends with (杏林镇 in 鹭江市杏林镇) is the
 * main region.
 * 我省/全区 at a clause start at the document's own level returns to doc. */

#define RP_REGION_MAX 96

typedef struct rp_region_state {
    char doc[RP_REGION_MAX];
    int doc_level;
    bool doc_zone; /* the document is a zone's or park's (its name ends 园区, 开发区…) */
    char section[RP_REGION_MAX];
    char sentence[RP_REGION_MAX];
    char group[RP_REGION_MAX]; /* a village's group opening a clause, to the sentence end */
    char aside[RP_REGION_MAX]; /* a place inside the paragraph's, named mid-clause, to the
                                * sentence end */
    char run_in[RP_REGION_MAX]; /* the section's place when a run-in heading set it */
    char last_village[RP_REGION_MAX]; /* the village the last sentence was about, for a
                                       * next one that opens on 村里 该村 本村 全村 */
    char peer[RP_REGION_MAX];      /* a place of the document's level, not its own, the
                                    * sentence named as its topic */
    char last_peer[RP_REGION_MAX]; /* the last sentence's peer, for a next clause opening
                                    * on 人家 */
    char para_town[RP_REGION_MAX]; /* the township the paragraph's first sentence was about,
                                    * in a county's or wider document */
    bool para_enum;
    bool para_has_place;
    bool para_later;       /* a sentence of the paragraph has ended */
    bool para_counted;     /* a measure of the paragraph was read (set by the caller) */
    bool para_short;       /* a heading or a table row: its place stays local */
    bool sentence_is_para; /* the sentence place lasts to the paragraph end */
    int enum_kind, enum_num;       /* the last numbered paragraph's marker */
    int section_kind, section_num; /* the marker the section's place sat under */
    bool section_heading;          /* the section's place was a heading line of its own */
    int place_run; /* plain paragraphs in a row that opened on a place */
    bool para_examples; /* the paragraph that set the section went on to another place */
    size_t para_start; /* where the paragraph's text begins */
} rp_region_state;

/* Finds the main region from the title, source and site name (all may be
 * NULL) and the text. */
void rp_region_state_init(rp_region_state *st, const char *s, size_t n, const char *title,
                          const char *source, const char *site);

/* A paragraph starts at s[i]. */
void rp_region_paragraph(rp_region_state *st, const char *s, size_t n, size_t i);

/* A clause starts at s[i] (time phrases already skipped by the caller). */
void rp_region_clause(rp_region_state *st, const char *s, size_t n, size_t i);

/* At 与 针对 在 为 帮助 帮扶 mid-clause (i the marker): a place more specific
 * than the document's right after it (与漳岭县枫木乡桃坪村结对, 针对荷叶街道代表
 * 提出的建议) sets the rest of the sentence there. True if it did. */
bool rp_region_inline(rp_region_state *st, const char *s, size_t n, size_t i);

/* Length of the part of the document's region that ends in a suffix of
 * the given level, two characters of name at least, short of the whole
 * (枳坪镇 of 枳坪镇青冈坳村 at level 4); 0 when it names none. */
size_t rp_region_doc_prefix(const rp_region_state *st, int level);

/* A sentence ended (。！？). */
void rp_region_sentence_end(rp_region_state *st);

/* The region in force: group, else aside, else sentence, else section, else
 * doc ("" when none). */
const char *rp_region_current(const rp_region_state *st);

#endif
