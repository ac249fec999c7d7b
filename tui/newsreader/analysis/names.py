"""What a personal name looks like: given names, surnames, East Asian name order.

Pure predicates over single tokens and token sequences; the evidence they give is
weighed in `mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsreader.analysis import lexicon, vocab
from newsreader.analysis.weights import CUTOFFS

# The commonest family names written in pinyin, Korean and Vietnamese romanisation
# (Wikipedia: "List of common Chinese surnames", "List of Korean surnames",
# "Vietnamese name"). In news these come first: Xi Jinping, Kim Jong Un, Nguyen Phu Trong.
EAST_ASIAN_SURNAMES = frozenset(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Jia
    Ding Wei Xue Ye Yan Du Dai Xia Zhong Ren Fan Fang Shi Yao Tan Liao Zou Xiong Jin Lu Hao Kong
    Bai Cui Kang Mao Qiu Qin Gu Hou Shao Meng Long Wan Duan Lei Qian Yin Yi Chang Qiao Lai Gong
    Wen Xi Hua Bo Ji Ling Mu Ni Ou Pu Qi Qu Rao Ruan Shen Su Tao Xian Xin Xing Zhan Zuo Dou Geng
    Gou Hong Hui Jiao Kou Lan Le Lian Liao Lou Man Miao Min Mo Nie Ning Niu Pang Pei Qiang Que
    Rong Sha Shang She Sheng Si Tong Tu Wen Weng Wo Xiang Yao Yue Yun Zang Zha Zhai Zhen Zhuang
    Zhuo Zi Zong Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn
    Yoo Hong Jeon Moon Son Bae Baek Heo Nam Roh Ha Kwak Sung Cha Joo Woo Ku Ryu Na Chae Won Chun
    Bang Hyun Byun Eom Chung Rhee Yi Ban Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do
    Ho Ngo Duong Ly Trinh Dinh Truong
    """.split()
)

_PINYIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou"
    r"|ua|uo|ui|un|ue|a|e|i|o|u|v))"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}(?:-{_PINYIN_SYLLABLE})?", re.I)
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}(?:-[a-z]{2,5})?")


def is_pinyin_given_name(token: str) -> bool:
    return bool(_PINYIN_GIVEN.fullmatch(token)) and len(token) <= 10


@lru_cache(maxsize=8192)
def given_name_strength(token: str) -> int:
    """0 (not a known given name) to 13 (very common somewhere), less for common words."""
    info = lexicon.given_name(token)
    if info is None:
        return 0
    strength = info[1]
    z = lexicon.zipf(token)
    if z >= CUTOFFS.given_name_word:  # "Will", "Mark", "May": common English words first
        strength -= 6
    elif z >= CUTOFFS.given_name_half_word:
        strength -= 3
    return max(strength, 0)


@lru_cache(maxsize=8192)
def is_surname(token: str) -> bool:
    rank = lexicon.surname_rank(token)
    if rank is None:
        return False
    # Common English words that are also surnames (Small, Young, Long) need more evidence
    return lexicon.zipf(token) < CUTOFFS.surname_word_below or rank <= 1000


def looks_like_east_asian_name(tokens: Sequence[str]) -> bool:
    """Surname first, then a one- or two-syllable given name: Xi Jinping, Kim Jong Un."""
    if not 2 <= len(tokens) <= 3 or tokens[0] not in EAST_ASIAN_SURNAMES:
        return False
    rest = tokens[1:]
    if all(is_pinyin_given_name(t) for t in rest):
        return True
    return all(_KOREAN_GIVEN.fullmatch(t) for t in rest) and len(rest) == 2


def person_name_score(tokens: Sequence[str]) -> int:
    """How much the token sequence alone looks like a personal name (0 = not at all)."""
    return _person_name_score(tuple(tokens))


@lru_cache(maxsize=16384)  # the segments ask of a name's words, and its votes again
def _person_name_score(tokens: tuple[str, ...]) -> int:
    if not tokens or len(tokens) > 5:
        return 0
    if any(t in vocab.ORG_HEADS or t in vocab.NOT_NAMES for t in tokens[1:]):
        return 0
    if len(tokens) == 1:
        return 1 if is_surname(tokens[0]) else 0
    core = [t for t in tokens if t.lower() not in vocab.PARTICLES and not _is_initial(t)]
    if not core:
        return 0
    score = 0
    if looks_like_east_asian_name(tokens):
        score += 6
    first = given_name_strength(tokens[0]) if not _is_initial(tokens[0]) else 4
    if first == 0 and lexicon.given_name(tokens[0]) is not None:
        first = 1  # a given name that is also a common word ("Hillary", "Grace") still counts
    if first >= 8:
        score += 5
    elif first >= 4:
        score += 3
    elif first >= 1:
        score += 1
    last = tokens[-1].rstrip(".")
    if last in vocab.NAME_SUFFIXES:
        last = tokens[-2] if len(tokens) > 2 else last
        score += 2
    if is_surname(last):
        score += 3
    elif lexicon.place(last) is None and lexicon.zipf(last) < CUTOFFS.rare_last_word_below and last.isalpha():
        score += 1  # an unknown, rare word in last position: a foreign surname, usually
    if any(_is_initial(t) for t in tokens[1:-1]):
        score += 2  # "John F. Kennedy"
    return score


def _is_initial(token: str) -> bool:
    return len(token) <= 2 and token[0].isupper() and (len(token) == 1 or token[1] == ".")
