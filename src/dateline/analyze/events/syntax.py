"""Small readings of the dependency parse that the event rules share: a noun phrase's tokens,
a noun's forms, a token's conjuncts and the first child of a kind."""
from __future__ import annotations

from spacy.tokens import Token

# Dependents that start a clause or phrase of their own: an actor inside them is not an
# argument of the word they hang from ("the minister, who met X, said ..." is not about X).
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "prep", "agent", "conj", "cc", "punct"})


def noun_forms(token: Token) -> set[str]:
    """The lemma and the singular a plural ending suggests: the lemmatizer leaves "euros" and
    "Kurds" as they are."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if lower.endswith("s") and len(lower) > 3:
        forms.add(lower[:-1])
        if lower.endswith("es"):
            forms.add(lower[:-2])
    return forms


def phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase, without clauses or prepositional phrases hanging off it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS:
            continue
        tokens.extend(phrase_tokens(child))
    return tokens


def conjuncts(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "conj"]


def first_child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def pobj_of(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None
