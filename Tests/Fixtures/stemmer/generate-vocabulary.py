#!/usr/bin/env python3
"""Writes porter2-vocabulary.tsv beside this file: word<TAB>stem, sorted.

Test data only (EnglishStemmerTests reads the TSV); nothing builds or runs it.
The words are every distinct pure a-z word in the files under Data/ (text
split on non-letters, lower-cased) plus the hand-picked words below; the stems
come from the Snowball reference, `pip install snowballstemmer==3.1.1`:

    python3 Tests/Fixtures/stemmer/generate-vocabulary.py
"""
import pathlib
import re

import importlib.metadata

import snowballstemmer

HERE = pathlib.Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent.parent
VERSION = "3.1.1"

# Words chosen to reach every rule, exception and boundary of the algorithm.
TRICKY = """
a i o u y s x an as at be by ex is it of on or ox so to up us we ye yo ay oy
aa ab ad ae ag ah ai al am ar aw ba bo da de do eh el em en er es fa go ha he
abc abs ace ads age ago aid ail aim air ale all and ant any ape apt arc are
ark arm art ash ask ate awe axe bad bag bat bed bee bit bog boy bud bus but
bye cab can cat cod cry cue dab die dig dog dry dye ear eat ebb egg ego elf
elk end era eve ewe eye fan far fed fee few fix fly fog for fox fur gap gas
hay her hid hie his hop how ice ill ink inn ion ire its ivy jaw joy key lay
lie lye may met mix new nod now nun oak odd off oil old one out owe owl own
pal pan pat pay pea pie ply pry put ran rap rat ray rib rye sad sat saw say
sea see sex she shy sky sly spa spy sty sue sun tax tea the thy tie toe toy
try two use van vie was wax way who why wry yak yam yap yaw yea yen yes yet
yew you yum zoo
ied ies aed ees ues uss sss yyy yyyy ayy ayyy eyy oyy uyy yay yey yoy yayy
yies yied ying yings yinging yinged yingly yedly yeed yeedly
skies skis sky skied skiing skying skier news newsy howe howes atlas atlases
cosmos cosmoses bias biases biased andes ande idly gently ugly early only
singly idle gentle uglier earlier singles onlyness newses skyes skyed
dying lying tying vying hying dyings lyings tyings vyingly dyingly eying
eyeing spying buying flying crying trying frying drying prying shying
inning innings outing outings canning cannings herring herrings earring
earrings evening evenings innning pinning spinning shouting scanning
cherring tearring seven sevening eleven leavening
proceed proceeds proceeded proceeding proceedings exceed exceeds exceeded
exceeding exceedingly succeed succeeds succeeded succeeding proceedly
feed feeds feeded agreed agreedly disagreed bleed breed speed speedy
greedy greedily needed needless indeed deed deeds creed freed guaranteed
generate generates generated generating general generally generic
generically generous generously generation generator genera gener
communism communist communication communications community communities
commune communal communion commun communiqu arsenic arsenal arsenals arsen
emerge emerged emerges emerging emergence emergency emergencies emergent
inter interest interests interesting interested internal international
internationally interval intervals interpretation interpreter
later lateral laterally latest latter lateness laterals
organ organs organic organism organisms organize organization organizations
organizer organise organising
past pasts paste pasted pastes pasting pasta pastime pastor pastoral pastry
universe universes universal universally university universities universality
caress caresses ponies ties cries cried tied gas gases gaps kiwis this thus
abyss crisis tennis chaos lens plus bonus focus campus census virus status
minus fuss miss boss gasses grasses glasses mess messes addresses
consign consigned consigning consignment consist consisted consistency
consistent consistently consisting consists consolation consolations
consolatory console consoled consoles consolidate consolidated consolidating
consoling consolingly consols consonant consort consorted consorting
conspicuous conspicuously conspiracy conspirator conspirators conspire
conspired conspiring constable constables constance constancy constant
knack knackeries knacks knag knave knaves knavish kneaded kneading knee
kneel kneeled kneeling kneels knees knell knelt knew knick knif knife
knight knightly knights knit knits knitted knitting knives knob knobs
knock knocked knocker knockers knocking knocks knopp knot knots
luxuriate luxuriated luxuriating plastered bled motoring sing sings singing
hopping hopped hoped hoping hope hop tanned tanning falling hissing fizzed
failing filing filed added adding egged egging offed ebbed ebbing odded
inned earred erred err errs ass asses ell ells ill ills
conditioned positioning hoping hopes shed shred bead embed beds trap entrap
rap uproot bestow disturb ow on fizz fizzing fuzzed buzzing jazzed
blessed bless blessing agreeing seeing fleeing treeing
relational conditional rational valenci hesitanci digitizer conformabli
radicalli differentli vileli analogousli vietnamization predication operator
feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti geologist geologists geology geological biologist biology
theology theological archaeology archaeologist psychologist ecologist
anthology apology apologist trilogy elegy strategy
enci anci abli alli li bli ogi fulli lessli ousli entli aliti biliti iviti
tional ational alism ation ization izer ator iveness fulness ousness ogist
cli dli eli gli hli kli mli nli rli tli ali bli fli ili jli oli pli sli uli
quickly slowly happily fully carefully hopelessly nicely gladly badly
oddly kindly likely lovely friendly costly holy daily family rally ally
triumphal conditionally electrical electricity electrically hopefulness
formalize formalizes formalized authenticate authenticity duplicate
duplicity electrical practical goodness sadness playful harmful
revival allowance inference airliner gyroscopic adjustable defensible
irritant replacement adjustment dependent adoption adoptions erosion
communism activate angulariti homologous effective bowdlerize
rotation explosion vision fusion nation lion onion cation ion ions
probate rate cease ceased ceasing controll roll rolled rolling fall hall
dwell dwelling skill skillful stall
arguing argued argue argues sensational sensationally occasional
abatement cement element movement basement statement easement
fatalism criticism feminism realism humanism organism abysm
capability capabilities stability ability mobility nobility
sensitivity activity creativity relativity
boy boys boyish toy toys toyed enjoy enjoyed enjoying enjoyable employ
employed employer employment destroy destroyed destroyer buyer buyers
say says saying sayings said obey obeyed obeying play played player
players playing layer layers keys key monkey monkeys valley valleys
youth youths yes yellow yellowed yellower yield yielded yielding young
younger youngest yacht yachting yearly yearning yoyo yoyos beyond
cry cries crying cried spy spies spying by bye byes eye eyes eyed
happy happier happiest happiness happily ready readily readiness
apply applies applied applying reply replies replied supply supplies
deny denies denied dries dried dry drier driest dryly shyly slyly wryly
fly flies flying fluency fluent
anybody everybody nobody somebody study studies studied studying
rely relies relied relying ally allies allied allying
""".split()


def vocabulary():
    words = set(TRICKY)
    for path in sorted((REPOSITORY / "Data").rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for token in re.findall(r"[^\W\d_]+", text):
                token = token.lower()
                if re.fullmatch(r"[a-z]+", token):
                    words.add(token)
    return sorted(words)


def main():
    installed = importlib.metadata.version("snowballstemmer")
    assert installed == VERSION, f"snowballstemmer {installed}, want {VERSION}"
    words = vocabulary()
    stems = snowballstemmer.stemmer("english").stemWords(words)
    lines = [
        f"# Porter2 (Snowball English) stems from snowballstemmer {VERSION}, "
        f"stemmer('english').stemWords: every pure a-z word in Data/ plus hand-picked "
        f"words; {len(words)} words; written by generate-vocabulary.py beside this file."
    ]
    lines += [f"{word}\t{stem}" for word, stem in zip(words, stems)]
    (HERE / "porter2-vocabulary.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(len(words), "words")


if __name__ == "__main__":
    main()
