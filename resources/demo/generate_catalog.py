#!/usr/bin/env python3
"""Generates the demo catalog loaded by `marquee-server serve --demo`.

    python3 resources/demo/generate_catalog.py > resources/demo/catalog.json

Deterministic: a fixed random seed and uuid5 ids under a fixed namespace, so running it
again reproduces catalog.json byte for byte. Python 3 standard library only. The format
is described in FORMAT.md beside this file.

The setting is Berlin and Potsdam: 20 venues (real names and addresses), a two-level
category taxonomy and 500-700 events over the next 180 days. Times are relative
(`day_offset` from the load date), so the weekday and season of an event are not known
here: titles and descriptions avoid naming weekdays, months or holidays.
"""

import json
import random
import sys
import uuid

SEED = 20240917
NAMESPACE = uuid.UUID("3c1f8b52-6a0e-4d7b-9f15-8e2a6c4d0b91")
HORIZON_DAYS = 180
CURRENCY = "EUR"
# cmake/EmbedResources.cmake wraps the file in R"mqjson( ... )mqjson".
EMBED_DELIMITER = ")mqjson"

rng = random.Random(SEED)


def stable_id(kind, key):
    return str(uuid.uuid5(NAMESPACE, f"marquee-demo/{kind}/{key}"))


# ---------------------------------------------------------------------------------------
# Categories: (id, English name). A dot separates parent and child.

CATEGORIES = [
    ("music", "Music"),
    ("music.classical", "Classical"),
    ("music.jazz", "Jazz & Blues"),
    ("music.rock", "Rock & Indie"),
    ("music.pop", "Pop"),
    ("music.electronic", "Electronic & Club"),
    ("theatre", "Theatre & Stage"),
    ("theatre.drama", "Drama"),
    ("theatre.opera", "Opera"),
    ("theatre.musical", "Musicals"),
    ("theatre.dance", "Dance & Ballet"),
    ("comedy", "Comedy"),
    ("comedy.standup", "Stand-up"),
    ("comedy.improv", "Improv"),
    ("comedy.cabaret", "Kabarett & Cabaret"),
    ("comedy.quiz", "Quiz Nights"),
    ("sports", "Sports"),
    ("sports.football", "Football"),
    ("sports.basketball", "Basketball"),
    ("sports.ice_hockey", "Ice Hockey"),
    ("family", "Family"),
    ("family.shows", "Shows for Kids"),
    ("family.workshops", "Family Workshops"),
    ("exhibitions", "Exhibitions"),
    ("exhibitions.science", "Science & Nature"),
    ("exhibitions.tours", "Guided Tours"),
    ("film", "Film"),
    ("film.classics", "Classics & Repertory"),
    ("film.premieres", "Premieres & Previews"),
    ("film.festivals", "Festivals & Series"),
    ("talks", "Talks & Workshops"),
    ("talks.lectures", "Lectures"),
    ("talks.readings", "Readings"),
    ("talks.workshops", "Workshops"),
    ("food", "Food & Drink"),
    ("food.markets", "Markets"),
    ("food.tastings", "Tastings"),
    ("food.classes", "Cooking Classes"),
]

# ---------------------------------------------------------------------------------------
# Venues: key -> details. Coordinates are the buildings' approximate positions.

VENUES = [
    ("philharmonie", "Philharmonie Berlin", "Herbert-von-Karajan-Straße 1, 10785 Berlin",
     "Berlin", 52.50981, 13.36994, 2440),
    ("staatsoper", "Staatsoper Unter den Linden", "Unter den Linden 7, 10117 Berlin",
     "Berlin", 52.51661, 13.39530, 1356),
    ("tdw", "Theater des Westens", "Kantstraße 12, 10623 Berlin",
     "Berlin", 52.50616, 13.32849, 1580),
    ("berghain", "Berghain", "Am Wriezener Bahnhof, 10243 Berlin",
     "Berlin", 52.51116, 13.44306, 1500),
    ("atrane", "A-Trane", "Bleibtreustraße 1, 10623 Berlin",
     "Berlin", 52.50792, 13.32185, 120),
    ("quasimodo", "Quasimodo", "Kantstraße 12a, 10623 Berlin",
     "Berlin", 52.50607, 13.32968, 350),
    ("olympiastadion", "Olympiastadion Berlin", "Olympischer Platz 3, 14053 Berlin",
     "Berlin", 52.51470, 13.23950, 74475),
    ("arena", "Uber Arena", "Mercedes-Platz 1, 10243 Berlin",
     "Berlin", 52.50533, 13.44331, 17000),
    ("columbiahalle", "Columbiahalle", "Columbiadamm 13-21, 10965 Berlin",
     "Berlin", 52.48410, 13.38950, 3500),
    ("so36", "SO36", "Oranienstraße 190, 10999 Berlin",
     "Berlin", 52.50090, 13.42150, 800),
    ("schaubuehne", "Schaubühne am Lehniner Platz", "Kurfürstendamm 153, 10709 Berlin",
     "Berlin", 52.49800, 13.30020, 540),
    ("be", "Berliner Ensemble", "Bertolt-Brecht-Platz 1, 10117 Berlin",
     "Berlin", 52.52130, 13.38640, 750),
    ("comedycafe", "Comedy Café Berlin", "Roseggerstraße 17, 12043 Berlin",
     "Berlin", 52.47860, 13.43800, 90),
    ("naturkunde", "Museum für Naturkunde", "Invalidenstraße 43, 10115 Berlin",
     "Berlin", 52.53020, 13.37950, 1200),
    ("waldbuehne", "Waldbühne Berlin", "Glockenturmstraße 1, 14053 Berlin",
     "Berlin", 52.51680, 13.22880, 22290),
    ("kino", "Kino International", "Karl-Marx-Allee 33, 10178 Berlin",
     "Berlin", 52.52020, 13.42360, 551),
    ("dom", "Berliner Dom", "Am Lustgarten, 10178 Berlin",
     "Berlin", 52.51905, 13.40100, 1390),
    ("markthalle", "Markthalle Neun", "Eisenbahnstraße 42/43, 10997 Berlin",
     "Berlin", 52.50210, 13.43180, 1000),
    ("urania", "Urania Berlin", "An der Urania 17, 10787 Berlin",
     "Berlin", 52.50190, 13.34340, 860),
    ("nikolaisaal", "Nikolaisaal Potsdam", "Wilhelm-Staab-Straße 10/11, 14467 Potsdam",
     "Potsdam", 52.39670, 13.05800, 715),
]
VENUE_NAME = {key: name for key, name, *_ in VENUES}

# ---------------------------------------------------------------------------------------
# Event bookkeeping

events = []
busy = {}  # (venue key, day, room) -> taken


def take_day(venue, lo=0, hi=HORIZON_DAYS, room="main", tries=400):
    """A random day in [lo, hi] on which `room` of `venue` is still free."""
    for _ in range(tries):
        day = rng.randint(lo, hi)
        if (venue, day, room) not in busy:
            busy[(venue, day, room)] = True
            return day
    raise SystemExit(f"generate_catalog: no free day left at {venue} ({room})")


def free(venue, day, room="main"):
    return (venue, day, room) not in busy


def book(venue, day, room="main"):
    busy[(venue, day, room)] = True


def price(lo, hi, step=100):
    """Rounds to whole euros (or 50 cents) the way box offices do."""
    return (lo // step) * step, (hi // step) * step


# Appended, in turn, to a description that an earlier event already has (long runs and
# weekly series), so every event reads a little differently.
EXTRA_PAID = [
    "Tickets also at the box office.", "Mobile tickets are accepted at the door.", "Cloakroom available.",
    "Step-free access; wheelchair spaces on request.", "Reduced tickets for students and Berlinpass holders.",
    "Arrive early; the bar opens an hour before.", "Gift vouchers are valid for this event.",
    "Tickets are non-refundable but can be passed on.", "Assisted listening system available.",
    "Buy online and skip the queue.", "Reduced tickets for under-18s.", "Limited availability.",
]
EXTRA_FREE = [
    "No registration needed.", "Step-free access.", "Donations welcome.", "Everyone welcome.",
    "Just drop in.", "Bring friends.", "Limited space; arrive early.", "Children welcome.",
]
used_descriptions = set()


def unique_description(description, free_entry):
    extras = list(EXTRA_FREE if free_entry else EXTRA_PAID)
    rng.shuffle(extras)
    candidates = [description] + [sentences(description, x) for x in extras]
    candidates += [sentences(description, a, b) for a in extras for b in extras if a != b]
    for c in candidates:
        if c not in used_descriptions:
            used_descriptions.add(c)
            return c
    raise SystemExit(f"generate_catalog: cannot make description unique: {description!r}")


def add(key, title, description, category, tags, performers, venue, day, start, minutes,
        price_min, price_max):
    description = unique_description(description, price_max == 0)
    events.append({
        "id": stable_id("event", key),
        "title": title,
        "description": description,
        "category_id": category,
        "tags": list(dict.fromkeys(tags)),
        "performers": list(performers),
        "venue_id": stable_id("venue", venue),
        "day_offset": day,
        "local_start": start,
        "duration_minutes": minutes,
        "price_min_minor": price_min,
        "price_max_minor": price_max,
        "currency": CURRENCY,
        "status": "scheduled",
        "image_url": "",
        "_venue": venue,
        "_key": key,
    })


def pick(seq, k=1):
    return rng.sample(seq, k) if k > 1 else rng.choice(seq)


def sentences(*parts):
    return " ".join(p.strip() for p in parts if p)


def spread_days(venue, count, lo=0, hi=HORIZON_DAYS, room="main", gap=1):
    """`count` distinct free days, roughly evenly spread between lo and hi."""
    days = []
    span = (hi - lo) / count
    for i in range(count):
        a = int(lo + i * span)
        b = max(a, int(lo + (i + 1) * span) - gap)
        for _ in range(60):
            d = rng.randint(a, min(b, hi))
            if free(venue, d, room):
                break
        else:
            d = take_day(venue, lo, hi, room)
        book(venue, d, room)
        days.append(d)
    return sorted(days)


def weekly(venue, first, step=7, room="main", hi=HORIZON_DAYS):
    days = []
    d = first
    while d <= hi:
        if free(venue, d, room):
            book(venue, d, room)
            days.append(d)
        d += step
    return days


# ---------------------------------------------------------------------------------------
# Names for invented performers

FIRST = ["Ilse", "Mateo", "Aino", "Dmitri", "Hélène", "Yuki", "Clément", "Zoë", "Leonie",
         "Jonas", "Søren", "Amara", "Tomasz", "Chloé", "Farid", "Greta", "Kenji", "Lucía",
         "Malte", "Noëlle", "Oskar", "Priya", "Rafael", "Sibylle", "Timo", "Ulrike",
         "Valentina", "Wanja", "Ximena", "Yara", "Ayşe", "Björn", "Carmen", "Dörte",
         "Emil", "Fatou", "Gianluca", "Hanna", "Ines", "Jakub", "Katalin", "Lennart",
         "Mirela", "Nils", "Olga", "Paulina", "Rasmus", "Selin", "Théo", "Vera", "Łucja",
         "Anouk", "Benedikt", "Céline", "Dalia", "Esra", "Frederik", "Henrike", "Ivo"]
LAST = ["Kranich", "Ferrández", "Virtanen", "Sokolow", "Marchetti", "Tanabe", "Roussel",
        "Albrecht", "Brandstätter", "Weißhaupt", "Lindqvist", "Okafor", "Wiśniewski",
        "Delacroix", "Haddad", "Schönfeld", "Morimoto", "Castellanos", "Jürgensen",
        "Beaumont", "Kowalczyk", "Raman", "Quintero", "von Arnim", "Häkkinen", "Zeller",
        "Moretti", "Falkenberg", "Navarro", "Demir", "Holmström", "Rühmann", "Adeyemi",
        "Vogelsang", "Nováková", "Esterházy", "Lorenzen", "Bauer", "Fischer", "Kühn",
        "Yılmaz", "Dąbrowska", "O'Connell", "Sauvage", "Richter", "Engström", "Petrović",
        "Hartmann", "Winterfeld", "Lambert", "Szabó", "Grünewald", "Ekström", "Maier"]


FEMALE = {"Ilse", "Aino", "Hélène", "Yuki", "Zoë", "Leonie", "Amara", "Chloé", "Greta", "Lucía", "Noëlle", "Priya",
          "Sibylle", "Ulrike", "Valentina", "Ximena", "Yara", "Ayşe", "Carmen", "Dörte", "Fatou", "Hanna", "Ines",
          "Katalin", "Mirela", "Olga", "Paulina", "Selin", "Vera", "Łucja", "Anouk", "Céline", "Dalia", "Esra",
          "Henrike"}


def person(female=None):
    """An invented name; `female` True/False restricts the first name (for roles)."""
    firsts = FIRST if female is None else [f for f in FIRST if (f in FEMALE) == female]
    return f"{rng.choice(firsts)} {rng.choice(LAST)}"


def people(n):
    out = []
    while len(out) < n:
        p = person()
        if p not in out:
            out.append(p)
    return out


def hhmm(h, m=0):
    return f"{h:02d}:{m:02d}"


# ---------------------------------------------------------------------------------------
# Classical music: Philharmonie, Nikolaisaal Potsdam, Berliner Dom

ORCHESTRAS = ["Havel Philharmonic", "Berliner Kammersymphonie", "Orchester der Neuen Mitte",
              "Brandenburgisches Staatsorchester", "Spree Sinfonietta", "Ensemble Lumière",
              "Jugendorchester Berlin-Brandenburg", "Baltic Chamber Orchestra"]
CHOIRS = ["Rundfunkchor Spreeland", "Kammerchor St. Marien", "Vox Nova Berlin",
          "Potsdamer Kantorei"]
QUARTETS = ["Quartetto Vespertino", "Lindenquartett", "Aurora String Quartet",
            "Kuss-Ensemble Berlin", "Trio Fontane"]

SYMPHONIC = [
    ("Mahler: Symphony No. 5", ["mahler", "symphony"], 80, None),
    ("Brahms & Schumann", ["brahms", "schumann", "romantic"], 120, "violin"),
    ("Dvořák: Symphony No. 9 „Aus der Neuen Welt“", ["dvořák", "symphony"], 110, None),
    ("Bruckner: Symphony No. 7", ["bruckner", "symphony"], 85, None),
    ("Saint-Saëns: Organ Symphony", ["saint-saëns", "organ", "french"], 105, "organ"),
    ("Sibelius & Nielsen", ["sibelius", "nordic"], 115, "violin"),
    ("Schostakowitsch: Leningrader Sinfonie", ["shostakovich", "symphony"], 95, None),
    ("Ravel – Debussy – Poulenc", ["ravel", "debussy", "french"], 110, "piano"),
    ("Rachmaninow: Klavierkonzert Nr. 2", ["rachmaninoff", "piano", "concerto"], 115, "piano"),
    ("Strauss: Eine Alpensinfonie", ["strauss", "tone poem"], 100, None),
    ("Tschaikowsky: Pathétique", ["tchaikovsky", "symphony"], 110, "cello"),
    ("Beethoven: Symphonies 7 & 8", ["beethoven", "symphony"], 105, None),
    ("Mozart: Jupiter & Posthorn", ["mozart", "classical era"], 110, None),
    ("Bartók: Concerto for Orchestra", ["bartók", "20th century"], 110, "piano"),
    ("Elgar: Cello Concerto & Enigma Variations", ["elgar", "cello", "concerto"], 115, "cello"),
    ("Mendelssohn: Schottische Sinfonie", ["mendelssohn", "symphony"], 105, "violin"),
    ("Stravinsky: Le Sacre du printemps", ["stravinsky", "ballet music"], 100, "piano"),
    ("Neue Klänge: Uraufführungen junger Komponistinnen", ["contemporary", "premiere"], 95, None),
]
CHORAL = [
    ("Mendelssohn: Elias", ["oratorio", "mendelssohn", "choir"], 150),
    ("Mozart: Requiem", ["requiem", "mozart", "choir"], 75),
    ("Fauré: Requiem & Cantique de Jean Racine", ["requiem", "fauré", "choir"], 70),
    ("Brahms: Ein deutsches Requiem", ["requiem", "brahms", "choir"], 85),
    ("Haydn: Die Schöpfung", ["oratorio", "haydn", "choir"], 120),
    ("Arvo Pärt & Henryk Górecki", ["contemporary", "choir", "sacred"], 75),
    ("Monteverdi: Marienvesper", ["baroque", "monteverdi", "choir"], 100),
    ("Händel: Messiah", ["oratorio", "handel", "baroque", "choir"], 150),
]
RECITALS = [
    ("Bach: Goldberg-Variationen", ["bach", "piano", "recital"], 80),
    ("Schubert: Winterreise", ["lied", "schubert", "recital"], 80),
    ("Liederabend: Schumann, Wolf, Mahler", ["lied", "recital"], 100),
    ("Chopin: Préludes & Balladen", ["chopin", "piano", "recital"], 95),
    ("Beethoven: Späte Klaviersonaten", ["beethoven", "piano", "recital"], 100),
    ("Haydn, Janáček, Bartók", ["string quartet", "chamber music"], 110),
    ("Schubert: Der Tod und das Mädchen", ["string quartet", "schubert", "chamber music"], 100),
    ("Debussy & Ravel: Streichquartette", ["string quartet", "french", "chamber music"], 95),
    ("Bach: Sonaten und Partiten für Violine solo", ["bach", "violin", "recital"], 120),
    ("Brahms: Klarinettenquintett", ["brahms", "chamber music"], 95),
]
CLASSICAL_BODY = [
    "The programme pairs a well-loved cornerstone of the repertoire with a rarely heard companion piece.",
    "Expect big contrasts: hushed, almost chamber-like passages give way to the full weight of the orchestra.",
    "It is a programme built around storytelling, from folk-song themes to sweeping finales.",
    "The soloist makes a long-awaited return to the city after a season of acclaimed debuts abroad.",
    "Critics have praised the ensemble's transparent, lively sound and unhurried tempi.",
    "Between the works, the conductor offers a few words on how the pieces came to be written.",
    "The evening closes with one of the most exhilarating finales in the symphonic literature.",
    "Players from the orchestra's academy join the full ensemble for the second half.",
    "A concert for first-timers and seasoned listeners alike, with no need to know the music in advance.",
    "The hall's famous acoustics suit the intimate colours of this programme especially well.",
]
CLASSICAL_NOTE = [
    "Concert introduction in the foyer 45 minutes before the start.",
    "Reduced tickets for students and holders of the Berlinpass at the box office.",
    "Latecomers are admitted during a suitable pause only.",
    "Programme booklets are available in German and English.",
    "The concert is recorded for radio broadcast.",
    "Wheelchair spaces can be booked by phone.",
    "",
    "",
]


def classical_desc(lead):
    body = pick(CLASSICAL_BODY, 2)
    return sentences(lead, body[0], body[1] if rng.random() < 0.5 else "", pick(CLASSICAL_NOTE))


def gen_philharmonie():
    v = "philharmonie"
    for i, (title, tags, mins, solo) in enumerate(SYMPHONIC):
        # Most programmes are given twice on consecutive nights.
        orch = pick(ORCHESTRAS[:6])
        cond = person()
        soloist = person() if solo else None
        nights = 2 if i % 3 else 1
        first = take_day(v, 3, HORIZON_DAYS - 2)
        perf = [orch, cond] + ([soloist] if soloist else [])
        lead_options = [
            f"{cond} conducts the {orch} in {title.split(':')[0]}",
            f"The {orch} and {cond} return with {title}",
            f"{title}: {cond} leads the {orch}",
        ]
        for n in range(nights):
            day = first + n
            if n and not free(v, day):
                continue
            book(v, day)
            lead = pick(lead_options)
            lead += f", with {soloist} as soloist ({solo})." if soloist else "."
            lo, hi = price(rng.choice([2500, 2900, 3400]), rng.choice([9800, 11900, 13900]))
            add(f"{v}/sym/{i}/{n}", title, classical_desc(lead), "music.classical",
                ["classical", "orchestra"] + tags, perf, v, day,
                pick(["19:30", "20:00", "20:00"]), mins, lo, hi)
    for i, (title, tags, mins) in enumerate(CHORAL[:5]):
        orch, choir, cond = pick(ORCHESTRAS), pick(CHOIRS), person()
        soloists = people(2)
        day = take_day(v)
        lead = (f"{choir} and the {orch} perform {title.split(':')[-1].strip()} under {cond}, "
                f"with soloists {soloists[0]} and {soloists[1]}.")
        add(f"{v}/choral/{i}", title, classical_desc(lead), "music.classical",
            ["classical", "choral"] + tags, [choir, orch, cond] + soloists, v, day,
            "20:00", mins, *price(2200, rng.choice([7900, 8900])))
    for i, (title, tags, mins) in enumerate(RECITALS):
        day = take_day(v, room="kammermusiksaal")
        if "quartet" in " ".join(tags) or "chamber" in " ".join(tags):
            perf = [pick(QUARTETS)]
            lead = f"{perf[0]} plays {title} in the Kammermusiksaal."
        else:
            perf = [person()]
            lead = f"{perf[0]} in recital: {title}, in the intimate Kammermusiksaal."
        add(f"{v}/recital/{i}", title, classical_desc(lead), "music.classical",
            ["classical"] + tags, perf, v, day, pick(["19:30", "20:00"]), mins,
            *price(1800, rng.choice([4500, 5200, 5900])))
    # Free lunchtime concerts in the foyer, roughly every other week.
    for n, day in enumerate(weekly(v, rng.randint(1, 6), step=14, room="foyer")):
        who = pick(QUARTETS + ["students of the Hanns Eisler conservatory", "members of the " + pick(ORCHESTRAS)])
        desc = sentences(
            f"Forty-five minutes of chamber music in the Philharmonie foyer, played by {who}.",
            pick(["Admission is free; no tickets needed.", "Free admission, first come first served.",
                  "Free entry — the foyer fills quickly, so arrive early."]),
            pick(["Bring your lunch break along.", "Seating is limited; many listeners stand on the stairs.",
                  "The programme is announced on the day.", ""]))
        add(f"{v}/lunch/{n}", "Lunchkonzert im Foyer", desc, "music.classical",
            ["classical", "free", "lunchtime", "chamber music"], [who] if who[0].isupper() else [],
            v, day, "13:00", 45, 0, 0)
    # Family concerts.
    for i, (title, extra) in enumerate([
            ("Peter und der Wolf", "Prokofiev's fairy tale, narrated for children from five"),
            ("Der Karneval der Tiere", "Saint-Saëns' musical zoo with a narrator and two pianos"),
            ("Das Orchester-Labor", "a hands-on tour of the orchestra, instrument by instrument")]):
        day = take_day(v, room="matinee")
        orch, narr = pick(ORCHESTRAS), person()
        desc = sentences(f"{title}: {extra}, with the {orch} and {narr}.",
                         "Children can try out instruments in the foyer after the concert.",
                         pick(["Recommended for ages 5 to 10.", "About an hour, no interval."]))
        add(f"{v}/family/{i}", f"Familienkonzert: {title}", desc, "family.shows",
            ["family", "kids", "classical", "matinee"], [orch, narr], v, day, "11:00", 60, 800, 1800)


def gen_nikolaisaal():
    v = "nikolaisaal"
    for i in range(7):
        title, tags, mins, solo = SYMPHONIC[(i * 5 + 3) % len(SYMPHONIC)]
        orch, cond = "Brandenburgisches Staatsorchester" if i % 2 else "Kammerakademie Sanssouci", person()
        soloist = person() if solo else None
        lead = f"{cond} conducts the {orch} in {title}" + (f", with {soloist} ({solo})." if soloist else ".")
        add(f"{v}/sym/{i}", title, classical_desc(lead), "music.classical",
            ["classical", "orchestra", "potsdam"] + tags, [orch, cond] + ([soloist] if soloist else []),
            v, take_day(v), "19:30", mins, *price(1900, rng.choice([4400, 4900, 5400])))
    for i in range(3):
        title, tags, mins = RECITALS[(i * 3 + 1) % len(RECITALS)]
        perf = [pick(QUARTETS)] if "chamber music" in tags else [person()]
        add(f"{v}/recital/{i}", title, classical_desc(f"{perf[0]} performs {title} in the Nikolaisaal's chamber hall."),
            "music.classical", ["classical", "potsdam"] + tags, perf, v, take_day(v), "19:30",
            mins, *price(1600, 3200))
    fam = [("Die kleine Hexe – ein Konzertmärchen", 60), ("Der Zauberlehrling", 55),
           ("Klangwerkstatt: Wie klingt ein Orchester?", 50)]
    for i, (title, mins) in enumerate(fam):
        narr = person()
        desc = sentences(
            f"{title} — a concert for children, narrated by {narr} with players of the Kammerakademie Sanssouci.",
            pick(["Young listeners sit on cushions right in front of the stage.",
                  "Between the scenes the musicians explain their instruments."]),
            "Recommended from age 4.")
        add(f"{v}/family/{i}", title, desc, "family.shows", ["family", "kids", "potsdam", "matinee"],
            ["Kammerakademie Sanssouci", narr], v, take_day(v, room="matinee"), pick(["11:00", "15:00"]),
            mins, 600, 1400)
    jazz = [("Potsdamer Jazznacht", ["jazz", "big band"]), ("Swing im Saal: Big Band Potsdam", ["jazz", "swing", "big band"]),
            ("Tango Nuevo: Quinteto Río Havel", ["tango", "world"])]
    for i, (title, tags) in enumerate(jazz):
        perf = [title.split(": ")[-1]] if ":" in title else [f"{person()} Quartet", f"{person()} Trio"]
        desc = sentences(f"{title} in the Nikolaisaal.", *pick(JAZZ_BODY, 2), "Unreserved seating at tables.")
        add(f"{v}/jazz/{i}", title, desc, "music.jazz", tags + ["potsdam"], perf, v, take_day(v), "20:00",
            150, *price(1800, 3600))
    kab = [("Alles bleibt anders – Kabarett mit Dörte Kühn", "Dörte Kühn"),
           ("Preußisch für Anfänger", "Benedikt Zeller"),
           ("Die Wahrheit über Potsdam", "Henrike Falkenberg & Ivo Maier")]
    for i, (title, who) in enumerate(kab):
        desc = sentences(f"{who} with a new Kabarett programme: {title.split(' – ')[0]}.",
                         pick(KABARETT_BODY), "In German.")
        add(f"{v}/kabarett/{i}", title, desc, "comedy.cabaret", ["kabarett", "german", "potsdam", "satire"],
            [w.strip() for w in who.split("&")], v, take_day(v), "20:00", 120, *price(2400, 3400))


def gen_dom():
    v = "dom"
    # Short organ recitals, roughly weekly, free.
    for n, day in enumerate(weekly(v, rng.randint(0, 9), step=14, room="midday")):
        organist = person()
        works = pick(["Bach and Buxtehude", "Widor and Vierne", "Mendelssohn and Reger", "Bach chorale preludes",
                      "Franck and Duruflé", "Pachelbel and Böhm", "Messiaen", "Liszt's Ad nos"])
        desc = sentences(
            f"Half an hour on the great Sauer organ: {organist} plays {works}.",
            pick(["Admission to the recital is free; donations are welcome.",
                  "Free admission — a short pause in the middle of the day.",
                  "Entry is free through the north portal."]),
            pick(["", "Please note that the cathedral may close early for rehearsals.",
                  "The organ gallery is not accessible to visitors."]))
        add(f"{v}/midday/{n}", "Orgelmusik am Mittag", desc, "music.classical",
            ["organ", "free", "church", "classical"], [organist], v, day, "12:00", 30, 0, 0)
    for i, (title, tags, mins) in enumerate(CHORAL):
        choir, orch, cond = pick(CHOIRS), pick(ORCHESTRAS), person()
        lead = f"{title} in the Berliner Dom: {choir} and the {orch}, conducted by {cond}."
        add(f"{v}/choral/{i}", title, classical_desc(lead), "music.classical",
            ["church", "classical"] + tags, [choir, orch, cond], v, take_day(v), "20:00", mins,
            *price(1500, rng.choice([4500, 5500, 6500])))
    for i, (title, note) in enumerate([
            ("Orgelnacht: Bach bis Glass", "from Bach's Toccata to Philip Glass's minimalism"),
            ("Organ & Brass", "a festive meeting of the Sauer organ and a brass ensemble"),
            ("Organ & Film: Nosferatu", "Murnau's silent classic with an improvised organ score")]):
        organist = person()
        desc = sentences(f"{title}: {organist} plays {note}.",
                         "The dome's long echo turns the evening into something you feel as much as hear.",
                         "Seats in the nave are unreserved.")
        add(f"{v}/organ/{i}", title, desc, "music.classical", ["organ", "church", "classical"],
            [organist], v, take_day(v), "20:00", 90, 1200, 2500)


# ---------------------------------------------------------------------------------------
# Opera and dance: Staatsoper

OPERAS = [
    ("La traviata", "Verdi", 170, ["verdi", "italian"]),
    ("Die Zauberflöte", "Mozart", 175, ["mozart", "german"]),
    ("Tosca", "Puccini", 150, ["puccini", "italian"]),
    ("Der Rosenkavalier", "Richard Strauss", 255, ["strauss", "german"]),
    ("Carmen", "Bizet", 190, ["bizet", "french"]),
    ("Così fan tutte", "Mozart", 200, ["mozart", "italian"]),
    ("Rusalka", "Dvořák", 185, ["dvořák", "czech"]),
    ("Lohengrin", "Wagner", 270, ["wagner", "german"]),
]
OPERA_BODY = [
    "The staging moves the action into a dreamlike present without losing the period's grandeur.",
    "This revival keeps the much-admired sets and adds a new generation of singers.",
    "Sung in the original language with German and English surtitles.",
    "The Staatskapelle plays from the pit; the score has rarely sounded so fresh.",
    "A production that divided critics at its premiere and has since become an audience favourite.",
    "Expect lavish costumes, a revolving stage and one of the great final acts in opera.",
    "The director strips the story down to its emotional core, with a single striking set.",
    "Young members of the opera studio appear in several of the smaller roles.",
]
OPERA_NOTE = [
    "One interval.", "Two intervals.", "Introduction 45 minutes before the curtain in the Apollo-Saal.",
    "Standing tickets go on sale at the box office on the day.", "Tonight with a cast change in one of the leading roles.",
    "Audio description available on request.", "Last performance this season.", "",
]


def gen_staatsoper():
    v = "staatsoper"
    for i, (title, composer, mins, tags) in enumerate(OPERAS):
        conductor, director = person(), person()
        title_female = title not in ("Lohengrin", "Così fan tutte", "Die Zauberflöte")
        leads = [person(female=title_female), person(female=not title_female)]
        runs = rng.randint(3, 5)
        lo_day = rng.randint(0, HORIZON_DAYS - 60)
        days = spread_days(v, runs, lo_day, min(HORIZON_DAYS, lo_day + rng.randint(35, 70)))
        for n, day in enumerate(days):
            head = pick([
                f"{composer}'s {title}, conducted by {conductor} in {director}'s staging.",
                f"{title} by {composer}: {leads[0]} and {leads[1]} lead the cast, {conductor} conducts.",
                f"{director}'s production of {composer}'s {title} returns, with {leads[0]} in the title role."
                if title not in ("Così fan tutte", "Die Zauberflöte") else
                f"{director}'s production of {composer}'s {title} returns, with {leads[0]} and {leads[1]}.",
            ])
            note = "Premiere of the new production." if (n == 0 and i % 3 == 0) else pick(OPERA_NOTE)
            desc = sentences(head, pick(OPERA_BODY), note)
            lo, hi = price(1500, rng.choice([16800, 19800, 24000]))
            if note.startswith("Premiere"):
                lo, hi = 3500, 29800
            add(f"{v}/opera/{i}/{n}", title, desc, "theatre.opera", ["opera", composer.split()[-1].lower()] + tags,
                [conductor] + leads + ["Staatskapelle Berlin"], v, day,
                "18:00" if mins > 240 else pick(["19:00", "19:30"]), mins, lo, hi)
    ballets = [("Schwanensee", "Tschaikowsky", 160), ("Giselle", "Adam", 130),
               ("Tanzabend: Café Müller / Das Frühlingsopfer", "Pina Bausch", 110)]
    for i, (title, by, mins) in enumerate(ballets):
        company = "Tanztheater Wuppertal Pina Bausch (guest performance)" if by == "Pina Bausch" else "Staatsballett Berlin"
        for n, day in enumerate(spread_days(v, 4 if i < 2 else 3, rng.randint(0, 100), HORIZON_DAYS)):
            desc = sentences(
                f"{title} — {company}." if by == "Pina Bausch" else f"{by}'s {title}, danced by the {company}.",
                pick(["Two legendary pieces of dance theatre, decades old and as urgent as ever.",
                      "Chairs, a revolving door, a floor of peat: Bausch's images stay with you for years.",
                      "A rare chance to see the Wuppertal company in Berlin."]) if by == "Pina Bausch" else
                pick(["A classic in a clear, elegant staging with live orchestra.",
                      "The corps de ballet in the white acts remains a breathtaking sight.",
                      "Principal roles alternate between three casts over the run.",
                      "The Staatskapelle plays the score live from the pit."]),
                pick(["One interval.", "Recommended from age 10.", "", "Standing tickets from 10 euros on the day."]))
            add(f"{v}/ballet/{i}/{n}", title, desc, "theatre.dance", ["ballet", "dance"],
                [company.split(" (")[0], person()], v, day, "19:30", mins, *price(1200, 12900))
    for i, title in enumerate(["Die Zauberflöte für Kinder", "Hänsel und Gretel – Kinderoper"]):
        for n, day in enumerate(spread_days(v, 3, 0, HORIZON_DAYS, room="matinee")):
            desc = sentences(f"{title}: a one-hour version for young audiences in the Alter Orchestersaal.",
                             pick(["Singers and a small ensemble tell the story up close.",
                                   "The children help the heroes along with a song of their own."]),
                             pick(["Ages 6 and up.", "For families with children from six."]))
            add(f"{v}/kids/{i}/{n}", title, desc, "family.shows", ["family", "kids", "opera", "matinee"],
                people(2), v, day, pick(["11:00", "15:00"]), 60, 900, 1500)


# ---------------------------------------------------------------------------------------
# Musicals: Theater des Westens

def gen_tdw():
    v = "tdw"
    title = "Spreeperlen – Das Berlin-Musical"
    cast = ["Greta Schönfeld", "Malte Jürgensen", "Amara Okafor", "Lennart Vogelsang"]
    pitches = [
        "Three generations, one Kneipe in Kreuzberg and a century of Berlin songs: the long-running hit musical.",
        "From the Golden Twenties to the night the Wall fell — Berlin's story told through one family's corner bar.",
        "A love letter to Berlin with a 14-piece band, tap-dancing barmaids and a finale on the Spree.",
        "The musical everyone in Berlin has seen at least once: big tunes, bigger hair and a lot of heart.",
        "Cabaret, punk and techno in one evening: the story of a Berlin bar that never closes.",
    ]
    notes = [
        "In German; English surtitles at every performance.",
        "Performance with audio description for blind and partially sighted guests.",
        "Tonight {u} plays the role of Lotte.",
        "Tonight {u} steps in as Lotte.",
        "Meet the cast at the stage door after the show.",
        "Relaxed performance: house lights stay slightly up and guests may come and go.",
        "Group rates available from 15 people.",
        "Recommended from age 10.",
        "The show runs about two and a half hours including one interval.",
        "Pre-show talk with the musical director at {t}.",
        "",
    ]
    start = rng.randint(0, 3)
    n = 0
    day = start
    # Six shows a week for the first four months, with a second show on the matinee days.
    while day <= 120:
        for offset in range(7):
            d = day + offset
            if offset == 0 or d > 120:
                continue  # dark day
            book(v, d)
            note = pick(notes).format(u=person(female=True), t="18:45")
            desc = sentences(pick(pitches), note)
            lo, hi = price(rng.choice([3990, 4490, 4990]), rng.choice([11990, 12990, 13990]), 10)
            add(f"{v}/spreeperlen/{n}", title, desc, "theatre.musical",
                ["musical", "berlin", "german", "long-running"], cast, v, d, "19:30", 150, lo, hi)
            n += 1
            if offset in (5, 6) and rng.random() < 0.35:
                note = pick(notes).format(u=person(female=True), t="13:45")
                desc = sentences(pick(pitches), "Matinee.", note)
                add(f"{v}/spreeperlen/{n}", title, desc, "theatre.musical",
                    ["musical", "berlin", "german", "long-running", "matinee"], cast, v, d, "14:30", 150,
                    *price(3490, 10990, 10))
                n += 1
        day += 7 * 2  # every other week the house hosts guest productions instead
    guest = "Göttliche Komödie – ein Rockmusical nach Dante"
    gcast = ["Rafael Quintero", "Łucja Dąbrowska", "The Inferno Band"]
    g_pitch = [
        "Dante's journey through hell, purgatory and paradise as a loud, funny, surprisingly moving rock musical.",
        "Nine circles of hell, one very lost poet and a live band: the touring hit from Hamburg comes to Berlin.",
        "Virgil wears a leather jacket and Beatrice sings power ballads in this irreverent take on Dante.",
    ]
    gdays = [d for d in range(125, HORIZON_DAYS + 1) if free(v, d)]
    for n, d in enumerate(gdays[:rng.randint(12, 16)]):
        book(v, d)
        desc = sentences(pick(g_pitch), pick(["In German with English surtitles.", "Strobe lighting and loud music.",
                                              "Recommended from age 12.", "Guest production, limited run.", ""]),
                         "Berlin premiere." if n == 0 else "")
        add(f"{v}/komoedie/{n}", guest, desc, "theatre.musical", ["musical", "rock", "dante", "guest production"],
            gcast, v, d, "20:00", 140, *price(2990, 8990, 10))
    # Guest weeks between the Spreeperlen blocks.
    guests = [("Ein Abend mit Marlene – Songs von Marlene Dietrich", "Sibylle Winterfeld", "theatre.musical",
               ["cabaret", "chanson", "dietrich"]),
              ("Broadway Nights: The Gala", "Theater des Westens Ensemble", "theatre.musical", ["musical", "gala"]),
              ("Die Schöne und das Biest – für Kinder", "Junges Musiktheater Berlin", "family.shows",
               ["family", "kids", "musical"]),
              ("Cirque Lumière: Nuit Blanche", "Cirque Lumière", "theatre.dance", ["circus", "acrobatics"])]
    for i, (title, who, cat, tags) in enumerate(guests):
        for k in range(2):
            d = take_day(v, 0, 124)
            desc = sentences(
                f"{title}, presented by {who}.",
                pick(["A short guest run between the Spreeperlen seasons.", "Only two performances in Berlin.",
                      "The show that sold out its run last year is back for a few nights."]),
                pick(["Doors open one hour before the show.", "With a live band.", ""]))
            add(f"{v}/guest/{i}/{k}", title, desc, cat, tags, [who], v, d,
                "16:00" if cat == "family.shows" else "20:00", 120, *price(2490, 7990, 10))


# ---------------------------------------------------------------------------------------
# Drama: Schaubühne, Berliner Ensemble

DRAMA_BODY = [
    "The ensemble plays on a bare, tilted stage that slowly fills with the debris of the characters' lives.",
    "A fast, funny and finally devastating evening that has been touring Europe for two seasons.",
    "Live video lets the audience watch faces in close-up while the action unfolds in several rooms at once.",
    "The text has been freshly translated for this production, sharp and contemporary.",
    "Live music from a three-piece band on stage drives the evening.",
    "Critics called it one of the most exciting productions of the year.",
    "A play about power, money and family, and uncomfortably close to today.",
    "The director trusts the text: long silences, precise acting and a single chair.",
]
DRAMA_NOTE = [
    "In German with English surtitles.", "In German with English and French surtitles.",
    "In English with German surtitles.", "Audience talk after the performance.",
    "Contains loud noises and theatrical smoke.", "Recommended from age 14.", "No interval.", "One interval.",
    "Last performance in this run.", "",
]


def gen_drama(v, plays, room_for):
    for i, (title, author, mins, tags, lang) in enumerate(plays):
        director = person()
        actors = people(rng.randint(2, 3))
        runs = rng.randint(3, 6)
        lo_day = rng.randint(0, HORIZON_DAYS - 50)
        room = room_for(i)
        days = spread_days(v, runs, lo_day, min(HORIZON_DAYS, lo_day + rng.randint(30, 90)), room=room)
        for n, day in enumerate(days):
            head = pick([
                f"{director} directs {author}'s {title}, with {actors[0]} and {actors[1]}.",
                f"{title} by {author} in a staging by {director}.",
                f"{author}'s {title}: {actors[0]} leads the ensemble in {director}'s much-discussed production.",
            ]) if author else f"{title}, directed by {director}, with {', '.join(actors)}."
            notes = [n_ for n_ in DRAMA_NOTE if lang == "en" or not n_.startswith("In English")]
            if lang == "en":
                notes = ["In English with German surtitles.", "In English.", "Audience talk after the performance.", ""]
            body = ("In the small hall, with the audience seated on three sides." if room != "main" and rng.random() < 0.4
                    else pick(DRAMA_BODY))
            desc = sentences(head, body, pick(notes))
            add(f"{v}/play/{i}/{n}", title, desc, "theatre.drama", ["theatre", "drama"] + tags, [director] + actors,
                v, day, pick(["19:30", "20:00"]) if room == "main" else "20:30", mins,
                *price(rng.choice([900, 1200, 1500]), rng.choice([4200, 4800, 5400])))


def gen_schaubuehne():
    plays = [
        ("Hamlet", "Shakespeare", 165, ["shakespeare", "classic"], "de"),
        ("Ein Volksfeind", "Ibsen", 140, ["ibsen", "classic"], "de"),
        ("Hedda Gabler", "Ibsen", 130, ["ibsen", "classic"], "de"),
        ("Rückkehr nach Reims", "Didier Eribon", 120, ["contemporary", "politics"], "de"),
        ("Die Möwe", "Tschechow", 150, ["chekhov", "classic"], "de"),
        ("Das Leben ist ein Traum", "Calderón de la Barca", 130, ["classic", "spanish"], "de"),
        ("Im Herzen der Gewalt", "Édouard Louis", 110, ["contemporary", "novel adaptation"], "de"),
    ]
    gen_drama("schaubuehne", plays, lambda i: "main" if i % 2 == 0 else "studio")


def gen_be():
    v = "be"
    plays = [
        ("Mutter Courage und ihre Kinder", "Brecht", 180, ["brecht", "classic"], "de"),
        ("Der kaukasische Kreidekreis", "Brecht", 160, ["brecht", "classic"], "de"),
        ("Warten auf Godot", "Beckett", 140, ["beckett", "absurd"], "de"),
        ("Faust I", "Goethe", 170, ["goethe", "classic"], "de"),
        ("Blithe Spirit", "Noël Coward", 135, ["comedy", "coward", "english"], "en"),
    ]
    gen_drama(v, plays, lambda i: "main" if i != 2 else "neues haus")
    # The Dreigroschenoper has been in the repertoire for years.
    pitch = [
        "Brecht and Weill's Die Dreigroschenoper, in the house where it premiered in 1928.",
        "Mackie Messer is back: the Threepenny Opera in the theatre where it all began.",
        "Robert Wilson-style precision meets Weill's immortal songs in the Berliner Ensemble's signature show.",
        "Die Dreigroschenoper — beggars, crooks and the Moritat von Mackie Messer at the Schiffbauerdamm.",
    ]
    for n, day in enumerate(spread_days(v, 16, 0, HORIZON_DAYS)):
        desc = sentences(pick(pitch), pick(["In German with English surtitles.", "With the band on stage.",
                                            "One interval.", "Tonight with a guest in the role of Polly.",
                                            "Audience talk after the show.", ""]))
        add(f"{v}/dreigroschen/{n}", "Die Dreigroschenoper", desc, "theatre.musical",
            ["brecht", "weill", "music theatre", "classic"], ["Berliner Ensemble", "Jonas Lorenzen", "Valentina Moretti"],
            v, day, "19:30", 180, *price(1500, 6800))


# ---------------------------------------------------------------------------------------
# Jazz: A-Trane, Quasimodo

JAZZ_BODY = [
    "Expect original compositions alongside reimagined standards.",
    "The band moves effortlessly from hard bop to ballads and back again.",
    "Their new album has been on heavy rotation on European jazz radio.",
    "A set of tight grooves, long solos and plenty of room for surprise.",
    "Two sets with a break in between.",
    "Expect deep-pocket grooves, Hammond organ and a horn section.",
    "Lyrical, searching and at times wildly free.",
    "One of the most exciting voices of the young Berlin scene.",
    "The trio has played together for fifteen years and it shows.",
    "Musicians from the audience are sometimes invited up for the encore.",
]
JAZZ_FORMATS = ["Trio", "Quartet", "Quintet", "Group", "Sextet", "Ensemble", "Project"]
JAZZ_TITLES = ["", "", "", ": Album Release", ": Tribute to Coltrane", ": Songs of Joni Mitchell", ": Monk Dreams",
               " feat. " , ": Live in Berlin", ": Ellington Suites", ": Nordic Tales", ": Brazilian Nights"]


def jazz_act():
    leader = person()
    form = pick(JAZZ_FORMATS)
    name = f"{leader} {form}"
    suffix = pick(JAZZ_TITLES)
    guest = None
    if suffix == " feat. ":
        guest = person()
        title = f"{name} feat. {guest}"
    else:
        title = name + suffix
    return title, [name] + ([guest] if guest else []), leader


def gen_atrane():
    v = "atrane"
    # Weekly jam session, free.
    hosts = [person() + " Trio" for _ in range(3)]
    for n, day in enumerate(weekly(v, rng.randint(0, 6))):
        host = hosts[n % 3]
        desc = sentences(
            pick([f"The weekly jam session, hosted by the {host}.",
                  f"Open jam: the {host} plays the first set, then the stage belongs to whoever brings an instrument.",
                  f"Berlin's longest-running jam session, tonight hosted by the {host}."]),
            pick(["Sign up at the bar — singers welcome.", "Free admission.", "Bring your horn; a house drum kit and piano are provided.",
                  "Runs until the last player goes home.", "Students and professionals side by side."]),
            pick(["Free admission.", "No cover charge.", ""]))
        add(f"{v}/jam/{n}", "Jam Session", desc, "music.jazz", ["jazz", "jam session", "free", "weekly"], [host],
            v, day, "21:00", 240, 0, 0)
    for n in range(16):
        title, perf, leader = jazz_act()
        day = take_day(v, room="concert")
        desc = sentences(f"{leader} brings {pick(['the', 'a new', 'their'])} {perf[0].split()[-1].lower()} to the A-Trane.",
                         *pick(JAZZ_BODY, 2))
        add(f"{v}/concert/{n}", title, desc, "music.jazz", ["jazz", "live", "club"], perf, v, day, "20:00",
            150, *price(1500, rng.choice([2000, 2500, 2800])))


def gen_quasimodo():
    v = "quasimodo"
    styles = [("music.jazz", ["blues"], "blues"), ("music.jazz", ["soul", "funk"], "funk"),
              ("music.jazz", ["jazz"], "jazz"), ("music.rock", ["singer-songwriter"], "songwriter")]
    for n in range(24):
        cat, tags, kind = pick(styles)
        if kind == "jazz":
            title, perf, leader = jazz_act()
        elif kind == "blues":
            leader = person()
            title = pick([f"{leader} & The Night Owls", f"{leader} Blues Band", f"{leader}: Delta to Chicago"])
            perf = [title.split(":")[0]]
        elif kind == "funk":
            title = pick(["Groove Kommando", "The Soul Kitchen Allstars", "Funkverein Wedding", "Brassalarm",
                          "The Velvet Horns", "Mama Juju & The Strut"])
            perf = [title]
            leader = title
        else:
            leader = person()
            title = f"{leader}: {pick(['Neue Lieder', 'Album Release', 'Solo', 'Unplugged', 'Late Songs'])}"
            perf = [leader]
        body = {"blues": ["Slide guitar, harmonica and a rhythm section that swings like a barn door.",
                          "Chicago blues with a Berlin accent."],
                "funk": ["Nine musicians, three horns and not a single chair left standing.",
                         "Expect deep-pocket grooves, Hammond organ and a horn section."],
                "jazz": JAZZ_BODY,
                "songwriter": ["Just a voice, a guitar and songs about leaving and coming home.",
                               "Intimate songs, sung in German and English."]}[kind]
        desc = sentences(f"{title} live in the cellar club beneath the Delphi.", pick(body),
                         pick(["Doors open at 21:00.", "Standing and a few tables.", "Box office opens an hour before.", ""]))
        if title in [e["title"] for e in events if e["_venue"] == v]:
            title = f"{title} – Zusatzkonzert"
        add(f"{v}/concert/{n}", title, desc, cat, tags + ["live", "club"], perf, v, take_day(v), "22:00", 150,
            *price(1400, rng.choice([1800, 2400, 2800])))


# ---------------------------------------------------------------------------------------
# Clubs and concert halls: Berghain, SO36, Columbiahalle, Uber Arena, Waldbühne

DJ_PARTS = ["Kessler", "Nadja Voss", "DVS1-Null", "Marcel Fengler", "Tamara Eckhardt", "Ørjan Lind", "Kobra Kai",
            "Lena Wirth", "Sølvi", "Mischa Rausch", "Yanick Ostrowski", "Fiedel Unit", "Norma Grau", "Bleiche",
            "Cassia Mbeki", "Ruin Theory", "Ludmila K.", "Jaque Sanz", "Neonbaum", "Heiko Stern", "Pralinée",
            "Tiefgang", "Selma Koç", "Arktis", "Rokoko Rave", "Dunkelziffer", "Elif Aydın", "Verne Vossberg"]


def gen_berghain():
    v = "berghain"
    first = rng.randint(0, 6)
    for n, day in enumerate(weekly(v, first)):
        lineup = pick(DJ_PARTS, 5)
        desc = sentences(
            pick(["Klubnacht across Berghain, Panorama Bar and the garden.",
                  "The marathon Klubnacht: techno downstairs, house upstairs.",
                  "Klubnacht, from late night until well into the next afternoon."]),
            f"Berghain: {', '.join(lineup[:3])}. Panorama Bar: {lineup[3]} and {lineup[4]}.",
            pick(["No photos.", "Door policy applies.", "Cash only at the door.", "No photos on the dancefloor; phones get a sticker.", ""]))
        add(f"{v}/klubnacht/{n}", "Klubnacht", desc, "music.electronic", ["techno", "house", "club", "weekly"],
            lineup, v, day, "23:00", 960, 2500, 2500)
    for n, day in enumerate(weekly(v, first + 6, step=14)):
        label = pick(["Ostgut Ton Label Night", "Tresor Records Showcase", "Halle am Berghain: Ambient Session",
                      "Elektroakustischer Salon", "Synthetic Bodies", "CTM Club Night", "Atonal Warm-Up"])
        lineup = pick(DJ_PARTS, 3)
        live = label.startswith(("Halle", "Elektro", "CTM", "Atonal"))
        desc = sentences(f"{label} with {lineup[0]}, {lineup[1]} and {lineup[2]}.",
                         pick(["Live sets and a 12-hour DJ marathon.", "Hybrid live sets and a spatial sound system.",
                               "Dark, hypnotic and relentless.", "Deep listening: lie down, close your eyes."]),
                         pick(["Door policy applies.", "Limited capacity.", ""]))
        add(f"{v}/special/{n}", label, desc, "music.electronic", ["electronic", "club"] + (["live"] if live else []),
            lineup, v, day, "19:00" if label.startswith("Halle") else "23:00", 360 if live else 600,
            *price(1800, 2200))


# Club-sized acts (Columbiahalle, SO36); each plays Berlin once in the demo window.
BANDS = [("Grey Meridian", "music.rock", ["post-rock"]), ("Düsenjäger", "music.rock", ["punk", "german"]),
         ("Saltwater Saints", "music.rock", ["indie", "folk"]), ("Lakeside Static", "music.rock", ["shoegaze", "indie"]),
         ("Tiefschwarz Express", "music.electronic", ["electronic", "live"]), ("Juno & The Moths", "music.rock", ["indie", "rock"]),
         ("MC Spreewald", "music.pop", ["hip-hop", "german rap"]), ("Die Bügeleisen", "music.rock", ["punk", "german"]),
         ("Coastal Ghosts", "music.rock", ["dream pop"]), ("Kid Kaputt", "music.rock", ["punk", "garage"]),
         ("Sonnenallee Soundsystem", "music.electronic", ["dub", "reggae"]), ("Frida & die Fernweh", "music.pop", ["pop", "german"]),
         ("Hollow Pines", "music.rock", ["folk", "americana"]), ("Paper Satellites", "music.rock", ["indie", "electronic"]),
         ("Lou Marchand", "music.pop", ["chanson", "pop"]), ("Blutorange", "music.rock", ["metal"]),
         ("The Kreuzberg Kings", "music.rock", ["rock 'n' roll"]), ("Neon Tundra", "music.electronic", ["synthwave", "live"]),
         ("Fräulein Wunder", "music.pop", ["indie pop", "german"]), ("Gravel & Grace", "music.rock", ["blues rock"]),
         ("Ostkreuz Orchestra", "music.pop", ["balkan", "brass"]), ("Señorita Mercurio", "music.pop", ["latin", "cumbia"]),
         ("Wolkenbruch", "music.rock", ["post-punk", "german"]), ("Tove & The Tidal", "music.pop", ["synth-pop"]),
         ("Babajide Cole", "music.pop", ["afrobeats", "pop"]), ("Zimmer 104", "music.rock", ["indie", "german"]),
         ("Mercury Alley", "music.rock", ["garage rock"]), ("Kaltfront", "music.rock", ["hardcore", "punk"]),
         ("Lina Nøstvik", "music.pop", ["singer-songwriter", "folk pop"]), ("Plattenbau Poets", "music.pop", ["hip-hop", "german rap"]),
         ("Hafenkran", "music.rock", ["stoner rock"]), ("Velours", "music.pop", ["french pop", "disco"]),
         ("Die Nachtfalter", "music.rock", ["surf", "instrumental"]), ("Sable & Stone", "music.rock", ["alternative"])]
TOUR_NAMES = ["Kopfkino Tour", "Live", "Album Release Show", "Farewell Tour", "Club Tour", "Tour", "Unplugged",
              "10 Years Anniversary Show", "European Tour", "Heimspiel", "Neues Album, neue Tour", "Live 2"]
CONCERT_BODY = [
    "The new record is their most ambitious yet, and the live show promises to match it.",
    "Expect the hits, a few deep cuts and a couple of brand-new songs.",
    "After two sold-out nights last time, they return with an expanded band.",
    "A stripped-back set that puts the songs front and centre.",
    "Their live shows are famous for ending in a sweaty, euphoric singalong.",
    "The visuals were designed with a Berlin light-art collective.",
    "Fans of big choruses and loud guitars will be well served.",
    "It is their only German date this year.",
    "A rare chance to hear the debut album played in full.",
]


booked_bands = set()


def concert(v):
    name, cat, tags = pick([b for b in BANDS if b[0] not in booked_bands])
    booked_bands.add(name)
    tour = pick(TOUR_NAMES)
    title = f"{name} – {tour}" if tour not in ("Live", "Tour", "Live 2") else f"{name} live"
    support = pick([b[0] for b in BANDS if b[0] not in booked_bands])
    desc = sentences(pick([f"{name} on stage in Berlin.", f"{title} at the {VENUE_NAME[v]}.",
                           f"Live at the {VENUE_NAME[v]}: {name}."]),
                     *pick(CONCERT_BODY, 2), f"Support: {support}." if rng.random() < 0.6 else "")
    return name, title, cat, tags, [name, support], desc


def gen_columbiahalle():
    v = "columbiahalle"
    for n in range(18):
        name, title, cat, tags, perf, desc = concert(v)
        add(f"{v}/concert/{n}", title, desc, cat, tags + ["concert", "live"], perf, v, take_day(v), "20:00", 150,
            *price(rng.choice([2900, 3400, 3900]), rng.choice([4500, 5200, 5900])))


def gen_so36():
    v = "so36"
    for n in range(11):
        name, title, cat, tags, perf, desc = concert(v)
        add(f"{v}/concert/{n}", title, desc, cat, tags + ["concert", "live", "kreuzberg"], perf, v, take_day(v),
            "20:00", 150, *price(rng.choice([1500, 1800, 2200]), rng.choice([2200, 2800])))
    parties = [("Kiez Disko", ["disco", "party", "80s"]), ("Punk Not Dead – Punk & Hardcore Night", ["punk", "party"]),
               ("Queer Dance Night", ["party", "queer", "pop"]), ("Balkan Beats", ["balkan", "party"]),
               ("Bass Culture: Dub & Dancehall", ["reggae", "dancehall", "party"])]
    for n in range(10):
        name, tags = parties[n % len(parties)]
        desc = sentences(f"{name} at the SO36 on Oranienstraße.",
                         pick(["Resident DJs all night, no dress code, everybody welcome.",
                               "Two floors, cheap drinks and a crowd that dances from the first record.",
                               "A Kreuzberg institution since forever.", "Awareness team on site."]),
                         pick(["Tickets at the door only.", "Reduced entry before midnight.", ""]))
        add(f"{v}/party/{n}", name, desc, "music.electronic", tags, pick(DJ_PARTS, 2), v, take_day(v), "23:00", 360,
            *price(800, 1200))
    # A flea market now and then.
    for n in range(2):
        add(f"{v}/flohmarkt/{n}", "Flohmarkt im SO36", sentences(
            "Records, vintage clothes, zines and oddities from around the Kiez, indoors.",
            pick(["Free entry.", "Entry free; coffee and cake at the bar."])), "food.markets", ["flea market", "vintage", "free"],
            [], v, take_day(v, room="day"), "12:00", 360, 0, 0)


def gen_arena():
    v = "arena"
    stars = [("Mira Solé", "Glasshouse Tour", "music.pop"), ("Kasimir Blau", "Zuhause", "music.pop"),
             ("YUNA K", "World Tour", "music.pop"), ("Stahlwerk", "Schmelzpunkt Tour", "music.rock"),
             ("Havel Philharmonic", "Filmmusik in Concert", "music.classical"),
             ("DJ Ørjan Lind", "Arena Rave", "music.electronic"), ("Ayla Nour", "Midnight Tour", "music.pop")]
    for n, (name, tour, cat) in enumerate(stars):
        desc = sentences(f"{name}: {tour}.", *pick(CONCERT_BODY, 2),
                         pick(["Seated and standing tickets available.", "Standing area in front of the stage; seated tiers.",
                               "Doors open at 18:30.", ""]))
        add(f"{v}/concert/{n}", f"{name} – {tour}", desc, cat, ["concert", "arena", "live"], [name], v, take_day(v), "20:00",
            150, *price(rng.choice([4900, 5900, 6900]), rng.choice([12900, 14900, 19900])))
    bb_opp = ["Bayern Basket München", "Ulm Spatzen", "Bamberg Brose Brothers", "Hamburg Towers", "Oldenburg Donkeys",
              "Ludwigsburg Riesen", "Bonn Telekom Baskets", "Würzburg Giants", "Alba Cup: Partizan Belgrad"]
    for n, opp in enumerate(bb_opp):
        home = "Berlin Spree Dunkers"
        title = f"{home} – {opp}" if not opp.startswith("Alba") else f"EuroCup: {home} – {opp.split(': ')[1]}"
        desc = sentences(f"Basketball: {home} host {opp.split(': ')[-1]}.",
                         pick(["Top of the table against the reigning champions.", "A must-win game in the race for the play-offs.",
                               "Family block tickets with reduced prices for under-14s.", "Halftime show by the Dunkers' dance crew."]),
                         pick(["Doors open 90 minutes before tip-off.", "Season ticket holders enter via the north gate.", ""]))
        add(f"{v}/basketball/{n}", title, desc, "sports.basketball", ["basketball", "sports", "home game"],
            [home, opp.split(": ")[-1]], v, take_day(v), pick(["18:00", "20:00", "15:00"]), 120,
            *price(1500, rng.choice([7500, 8900])))
    ih_opp = ["Mannheim Falken", "München Gipfelstürmer", "Düsseldorf Rheinlöwen", "Köln Domhaie", "Straubing Tigers",
              "Wolfsburg Grizzlys", "Ingolstadt Panther", "Nürnberg Ice Wolves", "Frankfurt Löwen"]
    for n, opp in enumerate(ih_opp):
        home = "Berlin Polarwölfe"
        desc = sentences(f"Ice hockey: the {home} face the {opp}.",
                         pick(["The old rivalry never disappoints.", "Three periods of fast, physical hockey.",
                               "Wear white: it's a whiteout night in the arena.", "The Polarwölfe are on a five-game winning streak."]),
                         pick(["Doors open one hour before face-off.", "Kids under 6 go free in the family block.", ""]))
        add(f"{v}/icehockey/{n}", f"{home} – {opp}", desc, "sports.ice_hockey", ["ice hockey", "sports", "home game"],
            [home, opp], v, take_day(v), pick(["19:30", "14:00", "16:30"]), 150, *price(1900, 8500))
    for n in range(3):
        d = take_day(v, room="main")
        desc = sentences("Eiszauber: an ice show for the whole family, with skaters, acrobats and a dragon made of light.",
                         pick(["Children under 3 sit on a parent's lap for free.", "Best seats are in the lower tier."]))
        add(f"{v}/iceshow/{n}", "Eiszauber – die Familien-Eisshow", desc, "family.shows", ["family", "kids", "ice show"],
            ["Eiszauber Company"], v, d, pick(["11:00", "15:00"]), 120, *price(2500, 6500))


def gen_waldbuehne():
    v = "waldbuehne"
    shows = [
        ("Lumen Drive – Open Air", "music.rock", ["Lumen Drive"], "The stadium rockers play under the trees of the Waldbühne, one of Europe's most beautiful amphitheatres."),
        ("Anouk Delacroix & Band – Open Air", "music.pop", ["Anouk Delacroix"], "Chanson, pop and a little jazz under the open sky."),
        ("Havel Philharmonic: Open-Air Gala", "music.classical", ["Havel Philharmonic", person()],
         "The orchestra's open-air gala: Tchaikovsky, Strauss waltzes and, at the end, the Berliner Luft."),
        ("Filmnacht: Metropolis mit Live-Orchester", "film.classics", ["Spree Sinfonietta"],
         "Fritz Lang's Metropolis on a giant screen, with the full score played live."),
        ("Die Sterntaler – Open Air", "music.pop", ["Die Sterntaler"], "The Berlin pop choir and its 40-piece band sing their way through five decades of German hits."),
        ("Jazz im Wald", "music.jazz", [f"{person()} Big Band", f"{person()} Quartet"], "An afternoon and evening of jazz on the open-air stage, from big band swing to modern jazz."),
    ]
    for n, (title, cat, perf, lead) in enumerate(shows):
        desc = sentences(lead, pick(["The show goes ahead in light rain; umbrellas are not allowed, ponchos are.",
                                     "Picnic blankets welcome; no glass bottles.", "Free seating on the stone terraces."]),
                         "Take the S-Bahn to Pichelsberg; there is very little parking.")
        add(f"{v}/show/{n}", title, desc, cat, ["open air"] + (["concert"] if cat.startswith("music") else ["film"]),
            perf, v, take_day(v, 100, HORIZON_DAYS), "15:00" if title == "Jazz im Wald" else "19:30",
            420 if title == "Jazz im Wald" else 180,
            *price(3500, 9900) if not title.startswith("Filmnacht") else (2900, 5900))


# ---------------------------------------------------------------------------------------
# Sports: Olympiastadion

def gen_olympiastadion():
    v = "olympiastadion"
    home = "FC Westend Berlin"
    opps = ["SV Elbflorenz Dresden", "1. FC Hafenstadt Hamburg", "Rot-Weiß Leipzig", "Fortuna Ruhrpott",
            "SpVgg Frankenhöhe", "TSV Isar München", "FC Weserstrand Bremen", "VfB Neckartal", "Borussia Rheinau",
            "Kickers Ostsee Rostock", "SC Alpenblick", "Eintracht Mainfurt"]
    rng.shuffle(opps)
    day = rng.randint(2, 8)
    for n, opp in enumerate(opps):
        if day > HORIZON_DAYS:
            break
        book(v, day)
        kick = pick(["15:30", "15:30", "15:30", "13:30", "17:30", "20:30"])
        desc = sentences(
            f"League match: {home} against {opp}.",
            pick(["A six-pointer at the bottom of the table.", f"{home} have not lost at home since the start of the season.",
                  f"Last season's meeting ended in a thrilling 3:3.", f"The travelling {opp.split()[-1]} fans are expected in large numbers.",
                  "Both teams are chasing a promotion spot.", "The club marks its 120th anniversary with a special kit."]),
            pick(["Gates open two hours before kick-off.", "Your match ticket is valid on public transport (VBB zone ABC).",
                  "Family block tickets are available at a reduced price.", "Standing tickets in the Ostkurve."]))
        add(f"{v}/league/{n}", f"{home} – {opp}", desc, "sports.football", ["football", "league", "home game"],
            [home, opp], v, day, kick, 115, *price(1500, rng.choice([7900, 8900, 9500])))
        day += pick([14, 14, 14, 21, 7])
    cup = take_day(v)
    add(f"{v}/cup", f"DFB-Pokal: {home} – TSV Isar München",
        sentences("Cup round under the floodlights: the Berliners host the record champions.",
                  "If it is level after 90 minutes, extra time and penalties decide.",
                  "Gates open two hours before kick-off."),
        "sports.football", ["football", "cup", "floodlights"], [home, "TSV Isar München"], v, cup, "20:45", 130,
        2000, 9900)
    women = take_day(v)
    add(f"{v}/women", "FC Westend Berlin Frauen – VfL Heidesand",
        sentences("Women's Bundesliga in the big stadium for the first time this season.",
                  "The club hopes for a record crowd; lower tier only, free seating.", "Under-16s go free."),
        "sports.football", ["football", "women's football", "home game"], ["FC Westend Berlin Frauen", "VfL Heidesand"],
        v, women, "14:00", 115, 0, 1000)
    for n, (name, tour) in enumerate([("Nordlicht", "Stadion der Träume"), ("The Velvet Harbour", "Stadium Tour")]):
        d = take_day(v, 120, HORIZON_DAYS)
        add(f"{v}/concert/{n}", f"{name} – {tour}",
            sentences(f"{name} play the Olympiastadion: the biggest show of their career.", *pick(CONCERT_BODY, 2),
                      "Standing in the arena, seats in the stands."),
            "music.pop" if name == "Nordlicht" else "music.rock", ["concert", "stadium", "live"], [name], v, d,
            "19:00", 180, *price(5900, 16900))
    for n, day in enumerate(weekly(v, rng.randint(0, 20), step=28, room="tour")):
        if not free(v, day):
            continue  # no tours on match days
        guide = person()
        desc = sentences(
            pick(["Guided tour of the Olympiastadion: from the 1936 architecture to the dressing rooms and the VIP area.",
                  "Behind the scenes of the Olympiastadion: players' tunnel, dressing rooms, the press box and the bell tower view.",
                  "The stadium's history from the 1936 Games to the 2006 World Cup final, told on a walk around the bowl."]),
            f"Your guide: {guide}.",
            pick(["Tours in German; English tours on request.", "Meeting point: visitor centre at Gate 1.",
                  "Comfortable shoes recommended: about 2 km on foot."]))
        add(f"{v}/tour/{n}", "Stadionführung: Hinter den Kulissen", desc, "exhibitions.tours",
            ["guided tour", "architecture", "history", "football"], [], v, day, "11:00", 90, 1100, 1100)


# ---------------------------------------------------------------------------------------
# Comedy: Comedy Café Berlin

def gen_comedycafe():
    v = "comedycafe"
    # Monthly pub quiz.
    for n, day in enumerate(weekly(v, rng.randint(3, 12), step=28)):
        qm = pick(["Siobhan O'Connell", "Farid Haddad", "Hanna & Emil"])
        theme = pick(["general knowledge", "Berlin trivia", "music and film", "the nineties", "science", "geography",
                      "famous Germans"])
        desc = sentences(f"The Big Berlin Pub Quiz, monthly edition — this time with a special round on {theme}.",
                         f"Quizmaster: {qm}. Teams of up to six; prizes for the top three.",
                         pick(["In English.", "In English, with a German bonus round.", "Book a table in advance."]))
        add(f"{v}/quiz/{n}", "The Big Berlin Pub Quiz", desc, "comedy.quiz", ["quiz", "english", "monthly"],
            [qm], v, day, "19:30", 150, 500, 500)
    comics = people(16) + ["Siobhan O'Connell", "Kenji Morimoto"]
    shows = [("Comedy Open Mic", "comedy.standup", 0, 0, "Ten new comics, five minutes each — some brilliant, some brave."),
             ("Headliners", "comedy.standup", 1200, 1500, "Three of the best English-language comics in town plus a headliner."),
             ("Improv Jam", "comedy.improv", 800, 1000, "Everything is made up on the spot from audience suggestions."),
             ("Deutsch für Anfänger – Stand-up auf Deutsch", "comedy.standup", 1000, 1200, "German-language stand-up, beginners' German welcome."),
             ("Late Night Roast", "comedy.standup", 1000, 1000, "Comics roast each other — nobody is safe."),
             ("Storytelling Night: True Stories", "comedy.standup", 800, 800, "Five performers, one theme, no notes.")]
    for n in range(24):
        title, cat, lo, hi, pitch = shows[n % len(shows)]
        mc = pick(comics)
        acts = pick([c for c in comics if c != mc], 3)
        title_n = title if title not in ("Headliners",) else f"Headliners: {acts[0]}"
        desc = sentences(pitch, f"Hosted by {mc}, with {acts[0]}, {acts[1]} and {acts[2]}." if cat != "comedy.improv"
                         else f"With the house team and guests {acts[0]} and {acts[1]}.",
                         pick(["Pay what you want at the door." if lo == 0 else "Tickets at the door or online.",
                               "Small room — book ahead.", "In English." if "Deutsch" not in title else "Auf Deutsch.",
                               "Food and drinks from the café kitchen.", ""]))
        add(f"{v}/show/{n}", title_n, desc, cat, ["comedy", "neukölln"] + (["english"] if "Deutsch" not in title else ["german"]),
            [mc] + acts[: 2 if cat == "comedy.improv" else 3], v, take_day(v, room="show"),
            "22:30" if title == "Late Night Roast" else "20:00", 100, lo, hi)


KABARETT_BODY = [
    "Sharp, fast and merciless with the powerful — and the audience.",
    "Politics, family dinners and the German railways: nothing is off limits.",
    "Two hours of satire, songs at the piano and a few uncomfortable truths.",
    "A much-praised new show from a winner of the Berlin Kleinkunst prize.",
]


# ---------------------------------------------------------------------------------------
# Museum für Naturkunde: exhibitions, tours, family workshops, talks

def gen_naturkunde():
    v = "naturkunde"
    exhibits = [("Tiefsee – Leben im Dunkeln", "the deep sea, its bioluminescent fish and the people who explore it"),
                ("Federn! Dinosaurier und Vögel", "how feathered dinosaurs became the birds outside your window"),
                ("Meteoriten: Steine vom Himmel", "the museum's meteorite collection, including a piece of Mars")]
    for i, (title, what) in enumerate(exhibits):
        d = take_day(v, 10 + i * 50, 40 + i * 50, room="evening")
        desc = sentences(f"Opening of the new special exhibition {title}: {what}.",
                         "Short speeches, then the exhibition halls stay open late with drinks in the dinosaur hall.",
                         "Free admission for the opening evening.")
        add(f"{v}/opening/{i}", f"Ausstellungseröffnung: {title}", desc, "exhibitions.science",
            ["exhibition", "opening", "museum", "free", "science"], [person(), "Museum für Naturkunde"], v, d, "18:30", 180, 0, 0)
    for n, day in enumerate(weekly(v, rng.randint(0, 6), step=14, room="tour")):
        curator = person()
        topic, topic_de = pick([("the Brachiosaurus", "Brachiosaurus"),
                                ("the wet collections — a million animals in alcohol", "Die Nasssammlung"),
                                ("Tristan, the T. rex", "Tristan, der T. rex"), ("the meteorite vault", "Meteoriten"),
                                ("birds of Berlin", "Vögel in Berlin"), ("insects and biodiversity", "Insekten und Artenvielfalt")])
        desc = sentences(f"Curator's tour with {curator}: an hour about {topic}.",
                         pick(["Included in the museum ticket.", "Meeting point at the information desk.",
                               "Max. 25 people; in German, English on the last of each month."]))
        add(f"{v}/tour/{n}", f"Kuratorenführung: {topic_de}", desc, "exhibitions.tours",
            ["guided tour", "museum", "science", "dinosaurs" if "rex" in topic or "Brach" in topic else "nature"],
            [curator], v, day, "15:00", 60, 1100, 1100)
    for n in range(4):
        d = take_day(v, room="evening")
        desc = sentences("Nacht im Museum: the museum stays open until midnight with DJs among the dinosaurs, "
                         "torch-lit tours and a bar in the atrium.",
                         pick(["Adults only.", "Minimum age 18.", "Last admission 23:00."]))
        add(f"{v}/late/{n}", "Nacht im Museum", desc, "exhibitions.science", ["late opening", "museum", "party", "dinosaurs"],
            [], v, d, "19:00", 300, 1600, 1600)
    workshops = [("Fossil-Detektive", "children dig for replica fossils and learn how palaeontologists work", "6–10"),
                 ("Mikroskopier-Werkstatt", "children look at insect wings, pollen and pond water under the microscope", "8–12"),
                 ("Übernachtung bei den Dinos", "a sleepover in the dinosaur hall with a torch tour and breakfast", "8–12")]
    for i, (title, what, ages) in enumerate(workshops):
        for k in range(2 if i < 2 else 1):
            d = take_day(v, room="family")
            sleep = "Übernachtung" in title
            desc = sentences(f"{title}: {what}.", f"For ages {ages}.",
                             "Parents can wait in the café." if not sleep else "Sleeping bag required; one adult per two children.")
            add(f"{v}/family/{i}/{k}", title, desc, "family.workshops", ["family", "kids", "workshop", "museum"], [],
                v, d, "18:00" if sleep else "10:30", 900 if sleep else 120,
                *((6900, 6900) if sleep else (800, 800)))


# ---------------------------------------------------------------------------------------
# Film: Kino International

def gen_kino():
    v = "kino"
    classics = [("Der Himmel über Berlin", "Wim Wenders", 128), ("Lola rennt", "Tom Tykwer", 81),
                ("Good Bye, Lenin!", "Wolfgang Becker", 121), ("Die fabelhafte Welt der Amélie", "Jean-Pierre Jeunet", 122),
                ("Cléo de 5 à 7", "Agnès Varda", 90), ("Solaris", "Andrei Tarkovsky", 167), ("Paris, Texas", "Wim Wenders", 145),
                ("In the Mood for Love", "Wong Kar-wai", 98), ("Die Legende von Paul und Paula", "Heiner Carow", 105),
                ("Metropolis", "Fritz Lang", 150), ("M – Eine Stadt sucht einen Mörder", "Fritz Lang", 117),
                ("Casablanca", "Michael Curtiz", 102), ("Chungking Express", "Wong Kar-wai", 102),
                ("Das Leben der Anderen", "Florian Henckel von Donnersmarck", 137), ("Stalker", "Andrei Tarkovsky", 161),
                ("Orfeu Negro", "Marcel Camus", 107)]
    for i, (title, director, mins) in enumerate(classics):
        d = take_day(v)
        intro = person()
        desc = sentences(f"{title} ({director}) on the big screen of the Kino International.",
                         pick(["Restored print, original version with subtitles.", "Shown from a 35mm print.",
                               "Digital restoration, OmU (original with German subtitles).",
                               "With live piano accompaniment." if title == "Metropolis" else "In the original version."]),
                         pick([f"Introduced by film critic {intro}.", "Part of the series Kino der Erinnerung.", "",
                               "Cocktails in the Panorama Bar upstairs before the screening."]))
        add(f"{v}/classic/{i}", title, desc, "film.classics", ["film", "classic", "repertory"], [director], v, d,
            pick(["18:00", "20:30"]), mins + 10, *price(900, 1100))
    premieres = [("Die Stille nach dem Sturm", "drama"), ("Kiezgeflüster", "comedy"), ("Salt & Ash", "thriller"),
                 ("Der lange Sommer der Ida B.", "drama"), ("Northbound", "road movie"), ("Spreewaldblues", "comedy"),
                 ("Les Enfants du Canal", "drama"), ("Beton", "documentary")]
    for i, (title, genre) in enumerate(premieres):
        director, star = person(), person()
        d = take_day(v)
        desc = sentences(f"Premiere of {title}, a {genre} by {director}, starring {star}.",
                         pick(["Director and cast attend; Q&A after the screening.", "Followed by a conversation with the director.",
                               "Red carpet from 19:00."]),
                         pick(["Preview before the official release.", "German premiere.", ""]))
        add(f"{v}/premiere/{i}", f"Premiere: {title}", desc, "film.premieres", ["film", "premiere", "q&a", genre],
            [director, star], v, d, "20:00", 150, *price(1200, 1800))
    fest = [("Nordische Filmtage: Kurzfilmnacht", ["short film", "nordic"],
             ["new short films from Norway, Sweden, Finland, Denmark and Iceland.", "two hours of Nordic shorts, from animation to documentary."]),
            ("Berlin Short Film Night", ["short film"],
             ["new works from Berlin's independent film scene.", "a dozen short films by Berlin filmmakers, voted on by the audience."]),
            ("Queer Cinema Days", ["lgbtq", "festival"],
             ["features and shorts from queer filmmakers around the world.", "curated selections, guests and discussions."]),
            ("Doku-Matinee: Berlin im Wandel", ["documentary", "berlin"],
             ["documentaries about a city that never stops rebuilding itself.", "archive films and new documentaries about Berlin's changing neighbourhoods."]),
            ("Stummfilm mit Live-Musik", ["silent film", "live music"],
             ["a silent classic with a newly composed score played live.", "silent comedies from the 1920s with live piano and percussion."])]
    for i, (title, tags, pitches) in enumerate(fest):
        for k in range(2):
            d = take_day(v)
            desc = sentences(f"{title}: " + pitches[k],
                             pick(["Programme available at the box office.", "Festival pass valid.", "Filmmakers present."]))
            add(f"{v}/festival/{i}/{k}", title, desc, "film.festivals", ["film", "festival"] + tags, [], v, d,
                "11:00" if "Matinee" in title else pick(["19:00", "21:00"]), pick([100, 120, 140]), *price(800, 1200))
    for n, day in enumerate(weekly(v, rng.randint(0, 6), step=14, room="kids")):
        film = pick(["Pippi Langstrumpf", "Das doppelte Lottchen", "Emil und die Detektive", "Die unendliche Geschichte",
                     "Mein Nachbar Totoro", "Ronja Räubertochter", "Paddington", "Wallace & Gromit"])
        desc = sentences(f"Kinderkino: {film} for young cinemagoers.",
                         pick(["Popcorn included.", "Reduced price for children.", "German dubbed version."]))
        add(f"{v}/kids/{n}", f"Kinderkino: {film}", desc, "family.shows", ["family", "kids", "film"], [], v, day, "11:00",
            100, 500, 700)


# ---------------------------------------------------------------------------------------
# Food: Markthalle Neun

def gen_markthalle():
    v = "markthalle"
    cuisines = ["Korean, Peruvian and Swabian", "Ghanaian, Georgian and Sichuan", "Vietnamese, Mexican and Franconian",
                "Japanese, Turkish and Lebanese", "Thai, Ethiopian and Alsatian", "Sri Lankan, Italian and Syrian"]
    for n, day in enumerate(weekly(v, rng.randint(0, 6), room="evening")):
        desc = sentences("Street Food Night in the Markthalle: around thirty stalls cooking in the historic market hall.",
                         f"This week: {pick(cuisines)} stalls among many others.",
                         pick(["Free entry.", "Free admission; pay at the stalls.", "Entry is free — bring cash and appetite."]),
                         pick(["", "Craft beer from the hall's own brewery.", "Come early, the queues grow after 19:00."]))
        add(f"{v}/streetfood/{n}", "Street Food Night", desc, "food.markets", ["street food", "market", "free", "weekly"],
            [], v, day, "17:00", 300, 0, 0)
    tastings = [("Natural Wine Tasting", "twelve natural wines from small growers in Saale-Unstrut, the Jura and Slovenia", 3900, 3900),
                ("Käse & Cidre", "cheeses from Brandenburg and Normandy paired with ciders", 3200, 3200),
                ("Craft Beer Tasting: Berliner Weisse", "the city's sour beer style, old and new", 2500, 2500),
                ("Kaffee-Cupping", "a coffee cupping with beans from three continents", 1800, 1800),
                ("Schokolade & Rum", "bean-to-bar chocolate and aged rums", 3500, 3500)]
    for i, (title, what, lo, hi) in enumerate(tastings):
        for k in range(2):
            d = take_day(v, room="tasting")
            add(f"{v}/tasting/{i}/{k}", title,
                sentences(f"{title}: {what}.", pick(["With snacks from the hall's bakery.", "Limited to 24 guests.",
                                                      "Guided by the producers themselves."]), "Minimum age 18."),
                "food.tastings", ["tasting", "food", "drinks"], [person()], v, d, "19:00", 120, lo, hi)
    classes = [("Kimchi-Workshop", "ferment your own kimchi and take a jar home", 4900),
               ("Sauerteig für Anfänger", "bake with sourdough, from starter to loaf", 5900),
               ("Dumplings from Scratch", "fold jiaozi and gyoza with a Berlin chef", 6500),
               ("Pasta fresca", "roll and shape fresh pasta by hand", 5900)]
    for i, (title, what, p) in enumerate(classes):
        for k in range(1 + i % 2):
            d = take_day(v, room="class")
            add(f"{v}/class/{i}/{k}", title,
                sentences(f"{title}: {what}.", pick(["All ingredients included.", "Aprons provided.",
                                                      "Vegetarian options available."]), "Max. 12 participants."),
                "food.classes", ["cooking class", "workshop", "food"], [person()], v, d,
                pick(["11:00", "18:00"]), 180, p, p)
    for n in range(3):
        d = take_day(v, room="morning")
        add(f"{v}/breakfast/{n}", "Breakfast Market",
            sentences("A slow breakfast market: bakeries, coffee roasters, egg dishes and jam makers.",
                      pick(["Free entry.", "Entry free; family-friendly."])),
            "food.markets", ["market", "breakfast", "free"], [], v, d, "10:00", 240, 0, 0)


# ---------------------------------------------------------------------------------------
# Talks and readings: Urania

def gen_urania():
    v = "urania"
    lectures = [("Das Gehirn im Schlaf", "neuroscience"), ("Berlin unter der Erde: Bunker, Tunnel, U-Bahn", "history"),
                ("Künstliche Intelligenz – was sie kann und was nicht", "technology"),
                ("Die Spree: Geschichte eines Flusses", "history"), ("Wie das Universum begann", "astronomy"),
                ("Klima 2050: Was kommt auf Berlin zu?", "climate"), ("The Microbiome: Your Inner Ecosystem", "biology"),
                ("Die Hugenotten in Berlin", "history"), ("Quantum Computing Explained", "technology"),
                ("Bienen, Wespen, Hummeln", "nature"), ("Preußens Gärten", "history"), ("The Future of Cities", "urbanism")]
    for i, (title, topic) in enumerate(lectures):
        speaker = f"Prof. Dr. {person()}" if i % 3 else f"Dr. {person()}"
        en = title[0:4] in ("The ", "Quan")
        desc = sentences(f"{speaker} on “{title}”.",
                         pick(["An illustrated lecture for a general audience, followed by questions.",
                               "The talk draws on brand-new research and plenty of pictures.",
                               "No prior knowledge needed; bring your curiosity.",
                               "Part of the Urania's long-running public lecture series."]),
                         "In English." if en else "In German.")
        add(f"{v}/lecture/{i}", title, desc, "talks.lectures", ["lecture", topic, "science" if topic not in ("history",) else "history"],
            [speaker], v, take_day(v), pick(["17:30", "19:30"]), 90, *price(900, 1200))
    travel = [("Island – Feuer und Eis", "Iceland"), ("Mit dem Fahrrad bis Kapstadt", "Africa by bike"),
              ("Japan abseits der Pfade", "Japan"), ("Patagonien", "Patagonia")]
    for i, (title, place) in enumerate(travel):
        who = person()
        add(f"{v}/travel/{i}", f"Multivision: {title}",
            sentences(f"{who} presents {place} in a live photo show on the big screen.",
                      pick(["With music and stories from a year on the road.", "Stunning landscapes and a few misadventures."]),
                      "In German."),
            "talks.lectures", ["travel", "photography", "slideshow"], [who], v, take_day(v), "19:30", 120, *price(1400, 1800))
    readings = [("Lesung: Die Erfindung des Ostens", "novel"), ("Lesung: Stadt aus Glas", "novel"),
                ("Lesung: Poesie am Abend", "poetry"), ("Reading: The Last Ferry to Rügen", "novel"),
                ("Lesung: Briefe an meine Großmutter", "memoir"), ("Lesung & Gespräch: Wem gehört die Stadt?", "non-fiction")]
    for i, (title, kind) in enumerate(readings):
        author, host = person(), person()
        add(f"{v}/reading/{i}", title,
            sentences(f"{author} reads from the new {kind}{' collection' if kind == 'poetry' else ''}, in conversation with {host}.",
                      pick(["Book signing afterwards.", "The bookshop table is open from 19:00.", "Moderated discussion with the audience."])),
            "talks.readings", ["reading", "literature", kind], [author, host], v, take_day(v), "20:00", 90, *price(800, 1200))
    workshops = [("Fotografie-Workshop: Berlin bei Nacht", 4500, 180, "18:00"),
                 ("Writing Workshop: Short Stories", 3500, 180, "10:00"),
                 ("Smartphone-Kurs für Senioren", 0, 90, "14:00")]
    for i, (title, p, mins, start) in enumerate(workshops):
        for k in range(2):
            who = person()
            add(f"{v}/workshop/{i}/{k}", title,
                sentences(f"{title}, led by {who}.", "Small group; registration required.",
                          "Free of charge thanks to the Berliner Seniorenbüro." if p == 0 else
                          pick(["Bring a camera or phone.", "Materials provided.", "All levels welcome."])),
                "talks.workshops", ["workshop"] + (["free"] if p == 0 else []), [who], v, take_day(v, room="workshop"),
                start, mins, p, p)


# ---------------------------------------------------------------------------------------
# Statuses and validation

STATUS_SHARE = [("cancelled", 0.03), ("postponed", 0.02), ("sold_out", 0.03)]
STATUS_NOTE = {
    "cancelled": ["Cancelled. Tickets are refunded where you bought them.",
                  "This event has been cancelled due to illness. Tickets will be refunded.",
                  "Cancelled — we apologise for the inconvenience."],
    "postponed": ["Postponed — the new date will be announced soon. Tickets remain valid.",
                  "Postponed for technical reasons. Tickets remain valid for the new date."],
    "sold_out": ["Sold out — returns may be available at the box office.", "Sold out.",
                 "Sold out; join the waiting list at the box office."],
}


def assign_statuses():
    n = len(events)
    ordered = sorted(events, key=lambda e: e["_key"])
    paid = [e for e in ordered if e["price_max_minor"] > 0]
    taken = set()
    # A single night of a weekly series or a long run is cancelled, never postponed or sold
    # out on its own; nor is a club night with a door policy sold out.
    series = ("/jam/", "/streetfood/", "/klubnacht/", "/lunch/", "/midday/", "/spreeperlen/", "/tour/")
    for status, share in STATUS_SHARE:
        pool = ordered
        if status != "cancelled":
            pool = [e for e in (paid if status == "sold_out" else ordered) if not any(m in e["_key"] for m in series)]
        pool = [e for e in pool if e["_key"] not in taken]
        for e in rng.sample(pool, round(n * share)):
            taken.add(e["_key"])
            e["status"] = status
            e["description"] = sentences(e["description"], pick(STATUS_NOTE[status]))


def validate(doc):
    errors = []
    cat_ids = [c["id"] for c in doc["categories"]]
    venue_ids = [v["id"] for v in doc["venues"]]
    event_ids = [e["id"] for e in doc["events"]]
    for name, ids in (("category", cat_ids), ("venue", venue_ids), ("event", event_ids)):
        if len(ids) != len(set(ids)):
            errors.append(f"duplicate {name} ids")
    seen = set()
    for c in doc["categories"]:
        if c["parent_id"] and c["parent_id"] not in seen:
            errors.append(f"category {c['id']}: parent {c['parent_id']!r} missing or listed after it")
        seen.add(c["id"])
    if len(venue_ids) != 20:
        errors.append(f"expected 20 venues, got {len(venue_ids)}")
    if not 500 <= len(event_ids) <= 700:
        errors.append(f"expected 500 to 700 events, got {len(event_ids)}")
    for v in doc["venues"]:
        if not (52.3 < v["latitude"] < 52.7 and 13.0 < v["longitude"] < 13.8):
            errors.append(f"venue {v['name']}: coordinates outside Berlin/Potsdam")
        if v["capacity"] <= 0:
            errors.append(f"venue {v['name']}: capacity must be positive")
    cats, venues = set(cat_ids), set(venue_ids)
    statuses = {"scheduled", "cancelled", "postponed", "sold_out"}
    for e in doc["events"]:
        where = f"event {e['id']} ({e['title']!r})"
        if not e["title"].strip():
            errors.append(f"{where}: empty title")
        if not e["description"].strip():
            errors.append(f"{where}: empty description")
        if e["category_id"] not in cats:
            errors.append(f"{where}: unknown category {e['category_id']}")
        if e["venue_id"] not in venues:
            errors.append(f"{where}: unknown venue {e['venue_id']}")
        if not 0 <= e["price_min_minor"] <= e["price_max_minor"]:
            errors.append(f"{where}: bad price range")
        if not 0 <= e["day_offset"] <= HORIZON_DAYS:
            errors.append(f"{where}: day_offset out of range")
        hh, _, mm = e["local_start"].partition(":")
        if not (len(e["local_start"]) == 5 and hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60):
            errors.append(f"{where}: bad local_start {e['local_start']!r}")
        elif int(hh) == 2:
            errors.append(f"{where}: starts between 02:00 and 03:00 (ambiguous on DST change days)")
        if e["duration_minutes"] <= 0:
            errors.append(f"{where}: duration must be positive")
        if e["status"] not in statuses:
            errors.append(f"{where}: bad status")
        if e["currency"] != CURRENCY:
            errors.append(f"{where}: bad currency")
        if any(not t.strip() for t in e["tags"]) or any(not p.strip() for p in e["performers"]):
            errors.append(f"{where}: empty tag or performer")
    return errors


def main():
    for gen in (gen_philharmonie, gen_staatsoper, gen_tdw, gen_berghain, gen_atrane, gen_quasimodo,
                gen_olympiastadion, gen_arena, gen_columbiahalle, gen_so36, gen_schaubuehne, gen_be,
                gen_comedycafe, gen_naturkunde, gen_waldbuehne, gen_kino, gen_dom, gen_markthalle,
                gen_urania, gen_nikolaisaal):
        gen()
    assign_statuses()
    venue_order = {key: i for i, (key, *_) in enumerate(VENUES)}
    events.sort(key=lambda e: (e["day_offset"], e["local_start"], venue_order[e["_venue"]], e["_key"]))
    doc = {
        "categories": [{"id": cid, "name": name, "parent_id": cid.rpartition(".")[0]} for cid, name in CATEGORIES],
        "venues": [{"id": stable_id("venue", key), "name": name, "address": address, "city": city, "country": "DE",
                    "latitude": lat, "longitude": lon, "time_zone": "Europe/Berlin", "capacity": capacity}
                   for key, name, address, city, lat, lon, capacity in VENUES],
        "events": [{k: v for k, v in e.items() if not k.startswith("_")} for e in events],
    }
    errors = validate(doc)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if EMBED_DELIMITER in text:
        errors.append(f"output contains {EMBED_DELIMITER!r}, which would end the embedded raw string")
    if errors:
        for err in errors[:50]:
            print(f"generate_catalog: {err}", file=sys.stderr)
        print(f"generate_catalog: {len(errors)} problem(s); nothing written", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
