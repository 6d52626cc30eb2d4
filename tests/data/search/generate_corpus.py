#!/usr/bin/env python3
"""Generates the fixed search relevance corpus (corpus.json, demo catalog format, see
resources/demo/FORMAT.md) and its judged queries (judgements.json).

    python3 tests/data/search/generate_corpus.py tests/data/search

Deterministic (fixed seed, uuid5 ids). The corpus holds hand-written target events in
English, German, French, Spanish and Italian, and generated distractors that share their
words, so ranking matters. Each judged query names the target titles expected in its top
results; `kind` is exact, typo, partial, accent or multiword, and a typo query names the
exact query it misspells (`pair`), so the test can compare their recall.
"""

import json
import random
import sys
import uuid

rng = random.Random(20261121)
NS = uuid.UUID("6a1f0c2e-5d44-4c1b-8f0e-2b7c9d3e4a51")


def sid(kind, key):
    return str(uuid.uuid5(NS, f"search-corpus/{kind}/{key}"))


CATEGORIES = [
    ("music", "Music", ""), ("music.jazz", "Jazz", "music"), ("music.classical", "Classical", "music"),
    ("music.rock", "Rock", "music"), ("music.electronic", "Electronic", "music"),
    ("theatre", "Theatre", ""), ("theatre.opera", "Opera", "theatre"), ("theatre.musical", "Musicals", "theatre"),
    ("theatre.dance", "Dance", "theatre"), ("comedy", "Comedy", ""), ("film", "Film", ""),
    ("exhibition", "Exhibitions", ""), ("family", "Family", ""), ("sport", "Sport", ""), ("food", "Food & Drink", ""),
]

VENUES = {
    "philharmonie": ("Philharmonie Berlin", "Berlin", "DE", 52.5098, 13.3699, "Europe/Berlin"),
    "quasimodo": ("Quasimodo", "Berlin", "DE", 52.5066, 13.3253, "Europe/Berlin"),
    "volksbuehne": ("Volksbühne", "Berlin", "DE", 52.5269, 13.4115, "Europe/Berlin"),
    "wannsee": ("Strandbad Wannsee", "Berlin", "DE", 52.4386, 13.1790, "Europe/Berlin"),
    "gasteig": ("Gasteig HP8", "München", "DE", 48.1146, 11.5477, "Europe/Berlin"),
    "elbphilharmonie": ("Elbphilharmonie", "Hamburg", "DE", 53.5413, 9.9841, "Europe/Berlin"),
    "chatelet": ("Théâtre du Châtelet", "Paris", "FR", 48.8578, 2.3469, "Europe/Paris"),
    "olympia": ("L'Olympia", "Paris", "FR", 48.8702, 2.3284, "Europe/Paris"),
    "garnier": ("Opéra Garnier", "Paris", "FR", 48.8720, 2.3316, "Europe/Paris"),
    "lyon": ("Opéra de Lyon", "Lyon", "FR", 45.7676, 4.8363, "Europe/Paris"),
    "musikverein": ("Musikverein", "Wien", "AT", 48.2004, 16.3725, "Europe/Vienna"),
    "tonhalle": ("Tonhalle Zürich", "Zürich", "CH", 47.3655, 8.5356, "Europe/Zurich"),
    "liceu": ("Gran Teatre del Liceu", "Barcelona", "ES", 41.3807, 2.1734, "Europe/Madrid"),
    "scala": ("Teatro alla Scala", "Milano", "IT", 45.4674, 9.1895, "Europe/Rome"),
}

# key: (title, description, performers, tags, category, venue)
TARGETS = {
    "jazzfest": ("Jazz Festival am Wannsee", "Drei Tage Jazz unter freiem Himmel am Strand, mit Bigbands und Jam-Sessions bis Mitternacht.",
                 ["Lisa Bassenge", "Bigband der Deutschen Oper"], ["jazz", "open air", "festival"], "music.jazz", "wannsee"),
    "miserables": ("Les Misérables", "La comédie musicale légendaire d'après Victor Hugo, chantée en français.",
                   ["Troupe du Châtelet"], ["comédie musicale", "classique"], "theatre.musical", "chatelet"),
    "nuitblanche": ("Nuit Blanche à Montmartre", "Une nuit de performances, d'installations et de musique dans les rues de Montmartre.",
                    [], ["art", "nuit", "gratuit"], "exhibition", "olympia"),
    "zauberfloete": ("Die Zauberflöte", "Mozarts Märchenoper in einer farbenfrohen Inszenierung für die ganze Familie.",
                     ["Orchester der Volksbühne", "Papageno Ensemble"], ["oper", "mozart"], "theatre.opera", "volksbuehne"),
    "beethoven9": ("Beethoven: Symphonie Nr. 9", "Die Berliner Philharmoniker spielen Beethovens Neunte mit der Ode an die Freude.",
                   ["Berliner Philharmoniker", "Rundfunkchor Berlin"], ["klassik", "sinfonie"], "music.classical", "philharmonie"),
    "techno": ("Techno Marathon", "Twelve hours of techno and house across two floors, from midnight until noon.",
               ["Ellen Allien", "DJ Hell"], ["techno", "club", "house"], "music.electronic", "quasimodo"),
    "stomp": ("Stomp Live", "The percussion show that turns brooms, bins and lighters into an orchestra.",
              ["Stomp Company"], ["percussion", "family"], "theatre.dance", "gasteig"),
    "carmen": ("Carmen", "L'opéra de Bizet dans une mise en scène flamboyante, sous-titres en français et en anglais.",
               ["Orchestre de l'Opéra de Lyon"], ["opéra", "bizet"], "theatre.opera", "lyon"),
    "schwanensee": ("Schwanensee", "Tschaikowskys Ballettklassiker mit dem Staatsballett.",
                    ["Staatsballett"], ["ballett", "tschaikowsky"], "theatre.dance", "gasteig"),
    "improv": ("Improv Comedy Night", "Our ensemble makes up scenes from your suggestions. Every night is different.",
               ["The Unscripted"], ["comedy", "improv", "english"], "comedy", "quasimodo"),
    "kabarett": ("Kabarett im Keller", "Politisches Kabarett mit scharfer Zunge und spitzer Feder.",
                 ["Gerda Grantig"], ["kabarett", "satire"], "comedy", "volksbuehne"),
    "dinosaur": ("Dinosaurier Ausstellung", "Lebensgroße Dinosaurier und Fossilien zum Anfassen für Kinder und Erwachsene.",
                 [], ["kinder", "museum", "familie"], "family", "gasteig"),
    "bachpassion": ("Johannes-Passion von Bach", "Bachs Johannes-Passion mit historischen Instrumenten.",
                    ["Thomanerchor Leipzig"], ["bach", "chor", "barock"], "music.classical", "elbphilharmonie"),
    "elbjazz": ("Elbjazz Nacht", "Jazz im großen Saal der Elbphilharmonie: Quartette, Trios und eine Sängerin aus New Orleans.",
                ["Nils Landgren", "Cécile McLorin Salvant"], ["jazz", "hamburg"], "music.jazz", "elbphilharmonie"),
    "symphonie_fantastique": ("Symphonie fantastique", "L'œuvre la plus célèbre de Berlioz, dirigée par une jeune cheffe.",
                              ["Orchestre de Paris"], ["berlioz", "symphonique"], "music.classical", "chatelet"),
    "edith": ("Hommage à Édith Piaf", "Les plus belles chansons de la Môme : La Vie en rose, Non, je ne regrette rien.",
              ["Zaz"], ["chanson", "piaf"], "music", "olympia"),
    "bolero": ("Boléro de Ravel", "Le Ballet de l'Opéra danse le Boléro de Maurice Ravel.",
               ["Ballet de l'Opéra de Paris"], ["danse", "ravel"], "theatre.dance", "garnier"),
    "traviata": ("La Traviata", "Verdi's most popular opera in a new production at La Scala.",
                 ["Coro del Teatro alla Scala"], ["opera", "verdi"], "theatre.opera", "scala"),
    "flamenco": ("Noche de Flamenco", "Una noche de cante, baile y guitarra flamenca con artistas de Sevilla.",
                 ["Compañía Sara Baras"], ["flamenco", "baile"], "theatre.dance", "liceu"),
    "neujahr": ("Neujahrskonzert", "Walzer und Polkas der Familie Strauss im Goldenen Saal.",
                ["Wiener Philharmoniker"], ["strauss", "walzer"], "music.classical", "musikverein"),
    "tonhalle_mahler": ("Mahler: Auferstehungssinfonie", "Mahlers zweite Sinfonie mit Chor und zwei Solistinnen.",
                        ["Tonhalle-Orchester Zürich"], ["mahler", "sinfonie"], "music.classical", "tonhalle"),
    "rockabend": ("Rock gegen Rechts", "Benefizkonzert mit fünf Bands aus Berlin und Brandenburg.",
                  ["Die Ärzte Tribute", "Kraftklub Cover"], ["rock", "benefiz"], "music.rock", "volksbuehne"),
    "stummfilm": ("Stummfilm mit Orgel: Metropolis", "Fritz Langs Meisterwerk mit Live-Begleitung an der Kinoorgel.",
                  ["Anna Vavilkina"], ["film", "stummfilm", "orgel"], "film", "philharmonie"),
    "ciné": ("Ciné-concert : Le Voyage dans la Lune", "Le film de Georges Méliès accompagné par un orchestre en direct.",
             ["Ensemble Méliès"], ["cinéma", "concert"], "film", "chatelet"),
    "marathon": ("Berlin-Marathon Zuschauerfest", "Feiern Sie die Läuferinnen und Läufer an der Strecke mit Musik und Essen.",
                 [], ["sport", "laufen", "fest"], "sport", "wannsee"),
    "streetfood": ("Street Food Festival", "Forty food trucks from around the world, live music and craft beer.",
                   [], ["food", "street food", "festival"], "food", "quasimodo"),
    "weinprobe": ("Weinprobe: Riesling aus der Pfalz", "Sechs Rieslinge verschiedener Lagen, dazu Brot und Käse.",
                  ["Weingut Müller-Catoir"], ["wein", "verkostung"], "food", "elbphilharmonie"),
    "degustation": ("Dégustation de vins de Bourgogne", "Pinot noir et chardonnay de la Côte d'Or, présentés par un sommelier.",
                    [], ["vin", "dégustation"], "food", "lyon"),
    "krimi": ("Krimidinner: Mord im Orient-Express", "Ein Vier-Gänge-Menü, ein Mord und Sie ermitteln mit.",
              ["Ensemble Tatort"], ["krimi", "dinner"], "theatre", "gasteig"),
    "hamlet": ("Hamlet", "Shakespeare's tragedy in English with German surtitles.",
               ["Shakespeare's Globe on tour"], ["shakespeare", "drama"], "theatre", "volksbuehne"),
    "faust": ("Faust I", "Goethes Tragödie in einer radikal modernen Inszenierung.",
              ["Ensemble der Volksbühne"], ["goethe", "klassiker"], "theatre", "volksbuehne"),
    "phantom": ("Das Phantom der Oper", "Das Musical von Andrew Lloyd Webber in deutscher Sprache.",
                ["Ensemble Stage Entertainment"], ["musical", "lloyd webber"], "theatre.musical", "gasteig"),
    "kinderdisco": ("Kinderdisco mit DJ Pünktchen", "Tanzen, Toben und Seifenblasen für Kinder von drei bis acht.",
                    ["DJ Pünktchen"], ["kinder", "disco"], "family", "quasimodo"),
    "photography": ("Photography Exhibition: Urban Nights", "Large-format photographs of cities after dark.",
                    ["Nadia Petrova"], ["photography", "exhibition"], "exhibition", "elbphilharmonie"),
    "vivaldi": ("Vivaldi: Die vier Jahreszeiten bei Kerzenschein", "Die vier Jahreszeiten im Kerzenlicht, gespielt von einem Streichquartett.",
                ["Candlelight Quartett"], ["vivaldi", "kerzenschein"], "music.classical", "musikverein"),
    "poetry": ("Poetry Slam Championship", "Twelve poets, five minutes each, the audience decides.",
               ["Slam Collective"], ["poetry", "spoken word"], "comedy", "quasimodo"),
    "orgel": ("Orgelnacht", "Orgelmusik von Bach bis Messiaen im nächtlichen Konzertsaal.",
              ["Iveta Apkalna"], ["orgel", "nacht"], "music.classical", "elbphilharmonie"),
    "chanson": ("Chansons françaises au bord de l'eau", "Un concert de chansons au bord de la Saône, au coucher du soleil.",
                ["Les Frangines"], ["chanson", "plein air"], "music", "lyon"),
    "tango": ("Tango Argentino Milonga", "Open milonga with a live orquesta típica and a beginners' class.",
              ["Orquesta Típica Berlin"], ["tango", "dance"], "theatre.dance", "quasimodo"),
    "salsa": ("Salsa Night", "Cuban salsa with a live band, workshop before the party.",
              ["La Charanga Habanera"], ["salsa", "latin"], "theatre.dance", "liceu"),
}

# Distractors: share the targets' words so ranking and filters matter.
WORD_SETS = {
    "en": (["Summer", "Late", "Grand", "Open", "Winter", "Midnight", "Sunday", "Family"],
           ["Concert", "Night", "Festival", "Session", "Show", "Gala", "Party", "Matinee", "Workshop", "Talk"],
           ["with friends", "in the park", "for everyone", "on the roof", "by the river", "live"],
           "An evening of {a} for everyone who likes {b}. Doors open an hour early; drinks at the bar."),
    "de": (["Sommer", "Lange", "Große", "Offene", "Winter", "Mitternachts", "Sonntags", "Familien"],
           ["Konzert", "Nacht", "Festival", "Abend", "Show", "Gala", "Party", "Matinee", "Werkstatt", "Gespräch"],
           ["mit Freunden", "im Park", "für alle", "auf dem Dach", "am Fluss", "live"],
           "Ein Abend mit {a} für alle, die {b} mögen. Einlass eine Stunde vorher, Getränke an der Bar."),
    "fr": (["Soirée", "Grande", "Nuit", "Matinée", "Fête", "Concert", "Bal", "Atelier"],
           ["jazz", "classique", "électro", "chanson", "danse", "théâtre", "cinéma", "opéra"],
           ["entre amis", "au parc", "pour tous", "sur le toit", "au bord de l'eau", "en direct"],
           "Une soirée de {a} pour tous ceux qui aiment {b}. Ouverture des portes une heure avant."),
}
THEMES = ["jazz", "klassik", "rock", "techno", "opera", "tango", "theatre", "comedy", "film", "wine", "family", "festival"]


def event(key, title, description, performers, tags, category, venue, day, price, status="scheduled"):
    hour = rng.choice(["18:00", "19:30", "20:00", "21:00", "22:30", "11:00", "15:00"])
    lo = price
    return {"id": sid("event", key), "title": title, "description": description, "category_id": category,
            "tags": tags, "performers": performers, "venue_id": sid("venue", venue), "day_offset": day,
            "local_start": hour, "duration_minutes": rng.choice([60, 90, 120, 150, 180]),
            "price_min_minor": lo, "price_max_minor": lo + rng.choice([0, 1000, 2500, 5000]) if lo else 0,
            "currency": "EUR" if venue not in ("tonhalle",) else "CHF", "status": status, "image_url": ""}


def build():
    events = []
    for key, (title, desc, perf, tags, cat, venue) in TARGETS.items():
        events.append(event(key, title, desc, perf, tags, cat, venue, rng.randint(1, 120),
                            rng.choice([0, 1500, 2900, 4500, 8900, 12000])))
    cats = [c[0] for c in CATEGORIES]
    venues = list(VENUES)
    for i in range(360):
        lang = rng.choice(list(WORD_SETS))
        firsts, seconds, thirds, text = WORD_SETS[lang]
        title = f"{rng.choice(firsts)} {rng.choice(seconds)} {rng.choice(thirds)}"
        theme_a, theme_b = rng.sample(THEMES, 2)
        events.append(event(f"filler-{i}", title, text.format(a=theme_a, b=theme_b), [], [theme_a],
                            rng.choice(cats), rng.choice(venues), rng.randint(0, 150),
                            rng.choice([0, 0, 900, 1500, 2500, 4000, 6500, 11000]),
                            rng.choice(["scheduled"] * 8 + ["sold_out", "cancelled"])))
    catalog = {
        "categories": [{"id": c, "name": n, "parent_id": p} for c, n, p in CATEGORIES],
        "venues": [{"id": sid("venue", k), "name": v[0], "address": "", "city": v[1], "country": v[2],
                    "latitude": v[3], "longitude": v[4], "time_zone": v[5], "capacity": 1000}
                   for k, v in VENUES.items()],
        "events": events,
    }
    return catalog


# (query, kind, expected target keys, pair: the exact query a typo query misspells)
QUERIES = [
    ("Jazz Festival am Wannsee", "exact", ["jazzfest"], None),
    ("jaz festvial", "typo", ["jazzfest"], "jazz festival"),
    ("jazz festival", "multiword", ["jazzfest"], None),
    ("Les Misérables", "exact", ["miserables"], None),
    ("les miserables", "accent", ["miserables"], None),
    ("les miserabels", "typo", ["miserables"], "les miserables"),
    ("Nuit Blanche à Montmartre", "exact", ["nuitblanche"], None),
    ("nuit blanche montmarte", "typo", ["nuitblanche"], "nuit blanche montmartre"),
    ("nuit blanche montmartre", "multiword", ["nuitblanche"], None),
    ("Die Zauberflöte", "exact", ["zauberfloete"], None),
    ("zauberflote", "accent", ["zauberfloete"], None),
    ("zaubreflöte", "typo", ["zauberfloete"], "zauberflöte"),
    ("zauberflöte", "exact", ["zauberfloete"], None),
    ("zauber", "partial", ["zauberfloete"], None),
    ("beethoven symphonie", "multiword", ["beethoven9"], None),
    ("betehoven symphonie", "typo", ["beethoven9"], "beethoven symphonie"),
    ("Techno Marathon", "exact", ["techno"], None),
    ("tecno marathon", "typo", ["techno"], "techno marathon"),
    ("Carmen", "exact", ["carmen"], None),
    ("Schwanensee", "exact", ["schwanensee"], None),
    ("schwanensse", "typo", ["schwanensee"], "schwanensee"),
    ("schwan", "partial", ["schwanensee"], None),
    ("kabarett keller", "multiword", ["kabarett"], None),
    ("kabaret im keler", "typo", ["kabarett"], "kabarett im keller"),
    ("kabarett im keller", "multiword", ["kabarett"], None),
    ("dinosaurier", "exact", ["dinosaur"], None),
    ("dinosuarier", "typo", ["dinosaur"], "dinosaurier"),
    ("dino", "partial", ["dinosaur"], None),
    ("johannes passion", "multiword", ["bachpassion"], None),
    ("johanes pasion", "typo", ["bachpassion"], "johannes passion"),
    ("elbjazz", "exact", ["elbjazz"], None),
    ("symphonie fantastique", "exact", ["symphonie_fantastique"], None),
    ("symphonie fantastiqeu", "typo", ["symphonie_fantastique"], "symphonie fantastique"),
    ("edith piaf", "accent", ["edith"], None),
    ("Édith Piaf", "exact", ["edith"], None),
    ("edith piafe", "typo", ["edith"], "edith piaf"),
    ("bolero ravel", "accent", ["bolero"], None),
    ("la traviata", "exact", ["traviata"], None),
    ("la travaita", "typo", ["traviata"], "la traviata"),
    ("noche de flamenco", "exact", ["flamenco"], None),
    ("flamneco", "typo", ["flamenco"], "flamenco"),
    ("flamenco", "exact", ["flamenco"], None),
    ("neujahrskonzert", "exact", ["neujahr"], None),
    ("neujahrskonzret", "typo", ["neujahr"], "neujahrskonzert"),
    ("mahler auferstehung", "partial", ["tonhalle_mahler"], None),
    ("mahler", "exact", ["tonhalle_mahler"], None),
    ("metropolis stummfilm", "multiword", ["stummfilm"], None),
    ("metropolsi stumfilm", "typo", ["stummfilm"], "metropolis stummfilm"),
    ("voyage dans la lune", "multiword", ["ciné"], None),
    ("melies", "accent", ["ciné"], None),
    ("street food festival", "exact", ["streetfood"], None),
    ("stret food festivl", "typo", ["streetfood"], "street food festival"),
    ("riesling", "exact", ["weinprobe"], None),
    ("reisling", "typo", ["weinprobe"], "riesling"),
    ("degustation bourgogne", "accent", ["degustation"], None),
    ("degustaton bourgonge", "typo", ["degustation"], "degustation bourgogne"),
    ("orient express", "multiword", ["krimi"], None),
    ("orient expres", "typo", ["krimi"], "orient express"),
    ("hamlet", "exact", ["hamlet"], None),
    ("shakespeare", "exact", ["hamlet"], None),
    ("shakespaere", "typo", ["hamlet"], "shakespeare"),
    ("phantom der oper", "exact", ["phantom"], None),
    ("phantom der opre", "typo", ["phantom"], "phantom der oper"),
    ("kinderdisco", "exact", ["kinderdisco"], None),
    ("punktchen", "accent", ["kinderdisco"], None),
    ("photography exhibition", "multiword", ["photography"], None),
    ("photograpy exibition", "typo", ["photography"], "photography exhibition"),
    ("photo", "partial", ["photography"], None),
    ("vier jahreszeiten", "multiword", ["vivaldi"], None),
    ("vier jahreszieten", "typo", ["vivaldi"], "vier jahreszeiten"),
    ("poetry slam", "exact", ["poetry"], None),
    ("poerty slam", "typo", ["poetry"], "poetry slam"),
    ("orgelnacht", "exact", ["orgel"], None),
    ("chansons francaises", "accent", ["chanson"], None),
    ("tango argentino", "multiword", ["tango"], None),
    ("tango argentnio", "typo", ["tango"], "tango argentino"),
    ("salsa night", "exact", ["salsa"], None),
    ("improv comedy", "partial", ["improv"], None),
    ("improv comdey", "typo", ["improv"], "improv comedy"),
    ("lisa bassenge", "multiword", ["jazzfest"], None),
    ("philharmoniker beethoven", "multiword", ["beethoven9"], None),
    ("staatsballet", "typo", ["schwanensee"], "staatsballett"),
    ("staatsballett", "exact", ["schwanensee"], None),
    ("zurich mahler", "accent", ["tonhalle_mahler"], None),
    ("munchen dinosaurier", "accent", ["dinosaur"], None),
]


def judgements():
    titles = {k: v[0] for k, v in TARGETS.items()}
    out = []
    for query, kind, keys, pair in QUERIES:
        entry = {"query": query, "kind": kind, "expected": [titles[k] for k in keys]}
        if pair:
            entry["pair"] = pair
        out.append(entry)
    return {"queries": out}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    with open(f"{folder}/corpus.json", "w", encoding="utf-8") as f:
        json.dump(build(), f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(f"{folder}/judgements.json", "w", encoding="utf-8") as f:
        json.dump(judgements(), f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
