"""The checklist read as a person reads a page (issue 15), on real crawls of the corpus sites
rebuilt from public GOV.CO templates (tests/fixtures/checklist-corpus/): one test per class of
fault, the accuracy floor of the tuning part, and the held-out part (sites labelled blind) measured
and printed against the issue's target."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli

CORPUS = Path(__file__).resolve().parent / "fixtures" / "checklist-corpus"
_spec = importlib.util.spec_from_file_location("checklist_corpus_measure", CORPUS / "measure.py")
assert _spec is not None and _spec.loader is not None
measure = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = measure
_spec.loader.exec_module(measure)


class _CliServerSubprocess:
    """What measure.py sees as ``subprocess`` here, for its one call, ``python -m gelt_audit ...``:
    that command goes through `run_cli` (forked from the tests' CLI server, tests/cli_server.py)
    instead of a fresh Python per crawl and report of each site."""

    @staticmethod
    def run(cmd: list[str], *, timeout: float, env: dict[str, str], cwd: Path, **_: object):
        assert cmd[:3] == [sys.executable, "-m", "gelt_audit"], cmd
        # measure.py's PYTHONPATH names its tree for a fresh Python; the forked server runs this tree
        # already, and a PYTHONPATH other than its own would start a fresh Python per command
        env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
        if "PYTHONPATH" in os.environ:
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        return run_cli(*cmd[3:], cwd=cwd, timeout=timeout, env=env)


measure.subprocess = _CliServerSubprocess

# The figures docs/checklist-accuracy.md reports (measure.py); a change that lowers one fails.
# Measured offline: an item resting only on an external link is «sin_verificar» and leaves the measure.
# The tuning part is floored by group: the six sites it had until the fourth session, and the two that
# joined it then (their first contact was measured blind; docs/checklist-accuracy.md), whose figures are
# far lower: one floor over all eight would hide a drop on the six.
TUNING_GROUPS = {
    "six": {"putumayo", "movilidad", "hsvp", "inder", "idcbis", "curaduria2"},
    "fifth": {"a-magangue", "a-govimentum"},
    "utility-comptroller": {"coopsercont", "contraloriands"},
    "sixth": {"c-edup"},
    "seventh": {"g-imder", "g-hsap"},
    "eighth": {"h-anserma"},
    "ninth": {"i-curaduria1"},
    "tenth": {"j-choconta"},
    "eleventh-k": {"k-guachucal"},
    "eleventh": {"l-electrohuila"},
    "twelfth-m": {"m-buga"},
    "twelfth-n": {"n-soacha"},
    "thirteenth-o": {"o-indecho"},
    "fourteenth-r": {"r-lajagua"},
    "fifteenth-s": {"s-piedecuesta"},
    "sixteenth-u": {"u-tibirita"},
    "seventeenth-v": {"v-epccajica"},
    "eighteenth-w": {"w-santamarta"},
    "nineteenth-x": {"x-arauca"},
    "twentieth-y": {"y-honda"},
    "twenty-first-z": {"z-unguia"},
    "twenty-second-zb": {"zb-bogota"},
    "twenty-fourth-ze": {"ze-nobsa"},
    "twenty-third-zd": {"zd-cucuta"},
    "twenty-fifth-zf": {"zf-yarumal"},
    "twenty-sixth-zg": {"zg-alcaldialocal"},
    "twenty-seventh-zi": {"zi-santuario"},
    "twenty-eighth-zk": {"zk-espsantafe"},
    "twenty-ninth-zl": {"zl-aguassince"},
    "thirtieth-zm": {"zm-curaduria2baq"},
    "thirty-first-zn": {"zn-bomberossoledad"},
    "thirty-second-zo": {"zo-yascual"},
    "thirty-third-zq": {"zq-iebetania"},
    "thirty-fourth-zr": {"zr-idpac"},
    "thirty-fifth-zs": {"zs-tangara"},
    "thirty-sixth-zy": {"zy-liceozipaquira"},
    "thirty-seventh-zzd": {"zzd-fonvalmed"},
    "thirty-eighth-zzf": {"zzf-toxicologiains"},
    "thirty-ninth-zzh": {"zzh-terminalsogamoso"},
    "fortieth-zzj": {"zzj-santamargarita"},
    "forty-first-zzl": {"zzl-inemmedellin"},
    "forty-second-zzo": {"zzo-culturasandona"},
    "forty-second-zzq": {"zzq-iemariaantoniaruiz"},
    "forty-third-zzt": {"zzt-colombiaot"},
    "forty-fourth-zzy": {"zzy-policianacional"},
    "forty-fourth-zzz": {"zzz-minsalud"},
    "forty-fourth-zzw": {"zzw-catastrochiquinquira"},
}
# a-magangue + a-govimentum, measured after the fifth round (precision, recall, evidence; proposals
# «no_aplica» right, of those the labels expect). Their first contact, blind: gelt-2008 0.969 / 0.596 /
# 0.903, ley1712-res1519 1.000 / 0.518 / 0.925 (docs/checklist-accuracy.md).
# Class 32 (seventh round): entries that open by a script are «sin_verificar», out of the measure
# (gelt-2008 83 items measured instead of 94, ley1712-res1519 85 instead of 103; fn 18 -> 9 and 31 -> 14).
# gelt precision 0.971 (34/35) -> 0.970 (32/33) and evidence 0.912 -> 0.906 with the same single false
# positive and the same wrong evidence: two right «parcial» (info.presupuesto, info.informes_gestion,
# found by a period read off the decrees' headings) now rest on script entries and leave the measure.
# Class 34 («Colaboradores», a-magangue's staff directory): 0.971 (33/34) / 0.805 / 0.909; class 35 (a
# title over an empty box, a-magangue's home «Noticias»): 0.971 (34/35) / 0.829 (34/41) / 0.912 (31/34).
# Class 36 (a menu link to a part of a page lands on a heading named for the item, however short its
# text: a-govimentum's organisation page): 0.974 (37/38) / 0.902 (37/41) / 0.946 (35/37).
# Class 32 corrected (a section the crawl saw on a page decides before a script entry of the same page:
# a-magangue's decrees for the norms): 0.975 (39/40) / 0.907 (39/43) / 0.949 (37/39).
FIFTH_GELT = (0.975, 0.907, 0.949)
# ley1712 precision was 1.000 on H45's branch; merged with H46's round it is 0.981: a-govimentum's
# «Participación Ciudadana» page under Planeación, linked from the home menu, now reads as the
# participation menu misnamed (parcial) where the blind label says no_cumple (no Participa menu)
# 0.981 / 0.627 / 0.918 before class 32; 0.981 / 0.785 / 0.917 after it; class 33 (Res. 3564's names of
# the plan and the projects) finds a-govimentum's 4.3 and 4.4
# after class 34 (1.5 found, outside the menu: parcial): 0.982 / 0.831 / 0.922; after class 36: 0.983
# (58/59) / 0.892 (58/65) / 0.927 (51/55); class 32 corrected: 0.984 (60/61) / 0.896 (60/67) / 0.930 (53/57)
# Classes 60-63 (content a script would load; helper H57): a-magangue's 7.1 (instruments of public
# information) rested on one part, «Programa Gestión Documental.», an entry that opens by a script, the
# three other parts found nowhere: «parcial» by «falta: …» was a status gained on content the crawl did
# not see; it is «sin_verificar» now and leaves the measure (label unchanged: parcial). 0.984 (60/61) /
# 0.896 (60/67) / 0.930 (53/57) -> 0.983 (59/60) / 0.894 (59/66) / 0.929 (52/56)
FIFTH_LEY = (0.983, 0.894, 0.929)
# H273 (class 2730): a-magangue's entries whose note right under them says they do not apply («Plan Anual
# de Adquisiciones.» then «… no están obligadas a contar con el Plan Anual…»): 4 -> 11 of 14
FIFTH_NO_APLICA = (11, 14)
# c-edup, measured after the sixth round (its first contact, blind, labels in 10ea62a: gelt-2008
# 0.933 / 0.966 / 0.885, ley1712-res1519 0.970 / 0.727 / 0.933 with evidence paths compared
# percent-decoded; docs/checklist-accuracy.md)
# gelt evidence was 0.846 on H47's branch; merged with H46's round it is 0.808 (21/26): the privacy
# policy's status becomes right (cumple, 43/47 exact) but its first evidence is another page
# H53's classes 40-42 (fifth session): the masked request code read as a status query (tracking now
# found: gelt recall 1.000, 29/29), the empty tab pane that repeats its title (4.4 parcial as labelled);
# class 43, a document listed under the item's own section after that section: evidence 23/27, 34/37;
# class 44, a link to a third party's page (the Canva portal) after the section that links it: 24/27, 35/37
SIXTH_GELT = (0.935, 1.000, 0.889)
# precision floor LOWERED 0.975 -> 0.930 (H207, label correction, no engine change): c-edup's ley1712.6 and
# ley1712.6.1 labels go parcial -> no_cumple by criterion F («Participación en la formulación de políticas»
# names one participation space, not 6.1 nor the Participa section); the engine still reads that panel as
# 6.1 (class 1152's profile word, which H201 could not remove: a held-out figure fell), so two right labels
# are two false positives now: measured 0.977 (42/43) -> 0.930 (40/43)
SIXTH_LEY = (0.930, 0.886, 0.946)  # recall 0.864 -> 0.886: class 33 found c-edup's «6.3-Programas y proyectos»
SIXTH_NO_APLICA = (3, 3)  # both profiles: «No aplica porque en la entidad los ciudadanos no realizan tramites»
# g-imder + g-hsap, measured after the seventh round (their first contact, blind, labels in 102af61:
# gelt-2008 0.933 / 0.778 / 0.878, ley1712-res1519 0.966 / 0.722 / 0.863; docs/checklist-accuracy.md)
SEVENTH_GELT = (0.957, 0.833, 0.932)
# ley1712 was 0.750 / 0.907 on H54's branch; merged with H52 and H53 (sections shown empty rank last)
# precision floor LOWERED 0.968 -> 0.959 (H207, label correction, no engine change): g-imder's ley1712.6.1
# label goes parcial -> no_cumple by criterion F (the bare «Participación en la formulación de políticas»
# under «6. Planeación» names one participation space, not 6.1); the engine still reads it as 6.1 (class
# 1152's word, see SIXTH_LEY): measured 0.973 (72/74) -> 0.959 (71/74)
SEVENTH_LEY = (0.959, 0.762, 0.909)
# h-anserma, its first contact (blind, labels in 24b1771, engine VERSION 18 / PARSE_VERSION 18; measured
# once, docs/checklist-accuracy.md): gelt-2008 1.000 (8/8) / 0.667 (8/12) / 1.000 (6/6), ley1712-res1519
# 1.000 (11/11) / 0.500 (11/22) / 1.000 (10/10)
# classes 56-57 (H56): no figure of any group changes; h-anserma ley1712 exact statuses 41/59 -> 42/59
EIGHTH_GELT = (1.000, 0.667, 1.000)
EIGHTH_LEY = (1.000, 0.500, 1.000)
# i-curaduria1, its first contact (blind, labels in e6b8af7, engine VERSION 20 / PARSE_VERSION 20; measured
# once, docs/checklist-accuracy.md): gelt-2008 0.964 (27/28) / 0.844 (27/32) / 0.909 (20/22), no_aplica
# 0/4; ley1712-res1519 1.000 (37/37) / 0.841 (37/44) / 0.912 (31/34), no_aplica 0/13
# class 70 (an ARIA disclosure button titles its panel: rsuite's «div.rs-panel-header[role=button]»): gelt
# 0.966 (28/29) / 0.875 (28/32) / 0.913 (21/23); ley 1.000 (43/43) / 0.977 (43/44) / 1.000 (40/40)
# classes 71-72 («NO APLICA» on the item's numbered line or opening its section; a section's sub-items that
# nothing publishes): the same figures; «no_aplica» proposals right 0/17 -> 16/17 (gelt 3/4, ley 13/13)
NINTH_GELT = (0.966, 0.875, 0.913)
NINTH_LEY = (1.000, 0.977, 1.000)
NINTH_NO_APLICA = (16, 17)
# j-choconta, its first contact (blind, labels in 15355eb, engine VERSION 20 / PARSE_VERSION 20; measured
# once, docs/checklist-accuracy.md): gelt-2008 1.000 (19/19) / 0.594 (19/32) / 0.947 (18/19),
# ley1712-res1519 0.917 (22/24) / 0.524 (22/42) / 0.136 (3/22)
# classes 80-85 (H61; docs/checklist-accuracy.md): gelt-2008 1.000 (31/31) / 0.969 (31/32) / 0.968 (30/31),
# ley1712-res1519 0.930 (40/43) / 0.952 (40/42) / 0.975 (39/40); no other group falls (seventh's ley1712
# rises to 0.969 / 0.775 / 0.911 with class 85)
# H147 (committee criterion «Entradas sin nada detrás»): recall gelt 0.933 (28/30), ley 0.927 (38/41): the
# menu entries that redirect home no longer make democracia.participacion, info.politica_privacidad,
# ley1712.6, 6.2 and atencion_ciudadania parcial; the accordion panels their labels also count are not found
TENTH_GELT = (1.000, 0.933, 0.968)
TENTH_LEY = (0.930, 0.927, 0.975)
# k-guachucal, its first contact (blind, labels in 51e7e1e, engine VERSION 24 / PARSE_VERSION 28; measured
# once, docs/checklist-accuracy.md): gelt-2008 1.000 (25/25) / 0.862 (25/29) / 0.909 (20/22),
# ley1712-res1519 0.923 (24/26) / 0.727 (24/33) / 0.810 (17/21)
# classes 110-113 (H70; docs/checklist-accuracy.md): 110 (the site's slogan in every <title>) ley1712
# 0.929 (26/28) / 0.743 (26/35) / 0.783 (18/23); 112 (a site map's headings are its index) gelt 1.000
# (24/24) / 0.800 (24/30) / 0.905 (19/21), ley1712 1.000 (26/26) / 0.743 / 0.783; 113 no change; 111 (a
# counted category button read by its name and description) gelt 1.000 (27/27) / 0.900 (27/30) / 0.875
# (21/24), ley1712 1.000 (29/29) / 0.829 (29/35) / 0.846 (22/26); 114, 115 exact statuses only; 116 (a footer
# column of links to other sites is the list where it is shown) gelt evidence 0.917 (22/24), ley1712 0.885 (23/26)
ELEVENTH_K_GELT = (1.000, 0.900, 0.917)
ELEVENTH_K_LEY = (1.000, 0.829, 0.885)
# l-electrohuila, its first contact (blind, labels in 0b15a83, engine VERSION 24 / PARSE_VERSION 28; measured
# once, docs/checklist-accuracy.md): gelt-2008 0.929 (26/28) / 0.897 (26/29) / 0.880 (22/25),
# ley1712-res1519 1.000 (40/40) / 0.889 (40/45) / 0.946 (35/37)
# class 120 (an unselected tab written as a div opens by script: 6, 6.1, democracia.participacion leave
# the measure as sin_verificar): gelt 0.929 (26/28) / 0.929 (26/28) / 0.880, ley 1.000 (40/40) / 0.930
# (40/43) / 0.946; class 121 («Buscar por municipio…» filters its page's list: a query, not the site's
# search): gelt 0.964 (27/28) / 0.964 (27/28) / 0.885 (23/26); class 122 (a whole section shown first on the
# menu page): ley evidence 0.973 (36/37). No other group and no held-out figure changes.
ELEVENTH_GELT = (0.964, 0.964, 0.885)
# H147 (criterion «Entradas sin nada detrás»): recall 0.929 (39/42): ley1712.4.1's only evidence found is its
# entry to a page that does not exist (the closed «Presupuesto» tab its label also counts is not found)
ELEVENTH_LEY = (1.000, 0.929, 0.973)
# m-buga, its first contact (blind, labels in e7c7e0f, engine VERSION 30 / PARSE_VERSION 39; measured once,
# docs/checklist-accuracy.md): gelt-2008 0.966 (28/29) / 0.903 (28/31) / 0.920 (23/25), ley1712-res1519
# 1.000 (35/35) / 0.778 (35/45) / 0.906 (29/32), «no aplica» 0 of 2.
# class 150 (a numbered entry over its one-line description: listed, nothing published): gelt 0.968 (30/31) /
# 0.968 (30/31) / 0.926 (25/27), ley 1.000 (43/43) / 0.956 (43/45) / 0.925 (37/40); class 151 (a legal text's
# clauses are no sections): gelt precision 1.000 (30/30); class 152 (an entry titled only «No aplica»): «no
# aplica» 2 of 2; class 153 (terms over a form's consent box): gelt evidence 0.963 (26/27). No other group
# and no held-out figure went down (held-out ley1712 0.960 / 0.851 / 0.818 -> 0.961 / 0.860 / 0.820 with 150).
TWELFTH_M_GELT = (1.000, 0.968, 0.963)
TWELFTH_M_LEY = (1.000, 0.956, 0.925)
TWELFTH_M_NO_APLICA = (2, 2)
# n-soacha (eighth session, H81): labelled blind in caceae0, first contact gelt-2008 0.706 (12/17) /
# 0.667 (12/18) / 1.000 (10/10), ley1712-res1519 0.862 (25/29) / 0.758 (25/33) / 0.826 (19/23)
# (docs/checklist-accuracy.md); then tuning material, floored at what the engine reaches on it.
# Classes 160-163 (H81): gelt-2008 0.722 (13/18) / 0.722 (13/18) / 1.000 (11/11), ley1712-res1519
# 0.900 (27/30) / 0.818 (27/33) / 0.880 (22/25)
TWELFTH_N_GELT = (0.722, 0.722, 1.000)
TWELFTH_N_LEY = (0.900, 0.818, 0.880)
# o-indecho (ninth session, H93): labelled blind in fa060d4, first contact gelt-2008 0.500 (3/6) /
# 1.000 (3/3) / 1.000 (2/2), ley1712-res1519 0.846 (11/13) / 0.688 (11/16) / 1.000 (10/10)
# (docs/checklist-accuracy.md); then tuning material, floored at what the engine reaches on it.
# Classes 190-192 (H93): gelt-2008 1.000 (3/3) / 1.000 (3/3) / 1.000 (2/2), ley1712-res1519 1.000 (15/15)
# / 0.938 (15/16) / 1.000 (12/12)
# H198: info.funciones relabelled no_cumple -> parcial by the written criterion («Objetivos y funciones»,
# docs/checklist-scope.md: the mission on /nosotros says the institute's object, `parcial`); the engine
# does not read a mission as the object (H198 measured that rule and did not apply it: it lowered the
# held-out evidence), so recall is 0.750 (3/4): a lower measure of the same engine, not a regression
THIRTEENTH_O_GELT = (1.000, 0.750, 1.000)
# H147 (criterion «Entradas sin nada detrás»): sections 2-5, 7, 8 relabelled no_cumple (every entry an empty
# href); recall 0.800 (8/10): ley1712.1's section of empty hrefs is no evidence (/nosotros, which its label
# also counts, is not found for it)
THIRTEENTH_O_LEY = (1.000, 0.800, 1.000)
# r-lajagua (tenth session, H105): labelled blind in e8ab32a, first contact gelt-2008 0.889 (8/9) /
# 0.800 (8/10) / 1.000 (6/6), ley1712-res1519 0.889 (8/9) / 0.571 (8/14) / 1.000 (7/7)
# (docs/checklist-accuracy.md); then tuning material, floored at what the engine reaches on it.
# Classes 1050-1051 (H105): gelt-2008 0.889 (8/9) / 0.800 (8/10) / 1.000 (6/6), 43/47 exact (the phone
# read, info.contacto cumple), ley1712-res1519 0.900 (9/10) / 0.643 (9/14) / 1.000 (8/8), 49/59; class
# 1052: ley1712-res1519 0.909 (10/11) / 0.714 (10/14) / 1.000 (9/9), 50/59
FOURTEENTH_R_GELT = (0.889, 0.800, 1.000)
FOURTEENTH_R_LEY = (0.909, 0.714, 1.000)
# s-piedecuesta (tenth session, H107): labelled blind in 8b1f75a, first contact gelt-2008 1.000 (3/3) /
# 1.000 (3/3) / 1.000 (3/3), 46/47 exact, ley1712-res1519 0.750 (3/4) / 0.600 (3/5) / 1.000 (3/3), 56/59
# (docs/checklist-accuracy.md); then tuning material, floored at what the engine reaches on it. Class
# 1070 (H107: the phone «(57+7)6 55 02 71», info.contacto cumple): gelt-2008 47/47 exact, the same figures
FIFTEENTH_S_GELT = (1.000, 1.000, 1.000)
FIFTEENTH_S_LEY = (0.750, 0.600, 1.000)
# u-tibirita (eleventh session, H112): labelled blind in 1eff4ac, first contact gelt-2008 0.818 (9/11) /
# 0.818 (9/11) / 0.889 (8/9), 39/47 exact, ley1712-res1519 0.636 (7/11) / 0.778 (7/9) / 1.000 (7/7), 53/59
# (docs/checklist-accuracy.md); then tuning material, floored at what the engine reaches on it.
# Classes 1120-1121 (H112): gelt-2008 0.818 (9/11) / 0.818 (9/11) / 1.000 (9/9), 40/47, ley1712-res1519
# 0.800 (8/10) / 0.889 (8/9) / 1.000 (8/8), 56/59
SIXTEENTH_U_GELT = (0.818, 0.818, 1.000)
SIXTEENTH_U_LEY = (0.800, 0.889, 1.000)
# v-epccajica (eleventh session, H113): labelled blind in 89dfba0, first contact gelt-2008 0.214 (3/14) /
# 0.429 (3/7) / 1.000 (1/1), 31/46 exact, ley1712-res1519 0.217 (5/23) / 0.714 (5/7) / 0.500 (2/4), 38/58
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact. Class 1131 (H113: the
# page that shows a dead menu or footer entry is its evidence): ley1712-res1519 evidence 1.000 (4/4)
SEVENTEENTH_V_GELT = (0.214, 0.429, 1.000)
# H147 (criterion «Entradas sin nada detrás»): menu and participa_menu relabelled no_cumple; recall 0.400
# (2/5): ley1712.1 and atencion_ciudadania rest on entries to 404 pages (the footer data their labels also
# count is not found for them)
SEVENTEENTH_V_LEY = (0.217, 0.400, 0.500)
# w-santamarta (eleventh session, H122): labelled blind in 23da58e, first contact gelt-2008 0.625 (5/8) /
# 0.833 (5/6) / 1.000 (5/5), 26/31 exact, ley1712-res1519 0.667 (6/9) / 0.667 (6/9) / 1.000 (6/6), 40/46
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
# H187 lowered its gelt-2008 evidence floor 1.000 -> 0.833: «info.mapa_sitio» was adjudicated «parcial»
# by «Nombrado y vacío» (the footer's «Mapa del sitio» opens /mapa-sitio, which exists and is empty), the
# engine's status, but its first evidence is the home page, from the top bar's «Mapa del sitio» to «/#»
# (a dead entry), not /mapa-sitio: one more item judged, its evidence wrong (5/6)
EIGHTEENTH_W_GELT = (0.625, 0.833, 0.833)
# H181 lowered its ley1712-res1519 evidence floor 1.000 -> 0.888: with criterion O for the citizens'
# services menu (class 1813) «ley1712.atencion_ciudadania» left «sin_verificar» (outside the measure) for
# «parcial», its label's status, but its first evidence is the home page's tile to the city portal on
# another host, not the home page (criterion P would put the page that shows the menu first; not done):
# one more item judged, its evidence wrong (8/9). H188 restored it to 1.000: criterion P now puts the
# home page that shows the menu first (ranking.shown_first, class 1880), its evidence right (9/9)
EIGHTEENTH_W_LEY = (0.667, 0.667, 1.000)
# x-arauca (twelfth session, H124): labelled blind in 47735cc, first contact gelt-2008 0.750 (3/4) /
# 0.600 (3/5) / 1.000 (2/2), 43/46 exact, ley1712-res1519 0.400 (2/5) / 0.667 (2/3) / 1.000 (0/0 judged),
# 53/58 (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
NINETEENTH_X_GELT = (0.750, 0.600, 1.000)
# Then the lead's rule of the same session (tests/test_checklist_unverified_only.py: an item resting only on
# external links nobody could open is sin_verificar also when they are outside the menu) took its
# ley1712.1.10 (found, «parcial» for the label's «cumple») out of the measure: 1 of 4 found right, 1 of 2.
NINETEENTH_X_LEY = (0.250, 0.500, 1.000)
# y-honda (twelfth session, H125): labelled blind in 1d4c36e, first contact gelt-2008 0.167 (1/6) /
# 0.500 (1/2) / 1.000 (1/1), 43/49 exact, ley1712-res1519 0.000 (0/5) / 0.000 (0/4) / no evidence judged
# (1.000 by the measure's convention), 50/59 (docs/checklist-accuracy.md); then tuning material, floored
# at its first contact.
TWENTIETH_Y_GELT = (0.167, 0.500, 1.000)
TWENTIETH_Y_LEY = (0.000, 0.000, 1.000)
# z-unguia (twelfth session, H130): labelled blind in a48fe71, first contact gelt-2008 1.000 (3/3) /
# 0.600 (3/5) / 1.000 (3/3), 42/46 exact, ley1712-res1519 1.000 (4/4) / 0.571 (4/7) / 1.000 (4/4), 55/58
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_FIRST_Z_GELT = (1.000, 0.600, 1.000)
TWENTY_FIRST_Z_LEY = (1.000, 0.571, 1.000)
# zb-bogota (twelfth session, H132): labelled blind in 50cd2d6, first contact gelt-2008 1.000 (0/0: nothing
# proposed found) / 0.000 (0/2) / no evidence judged (1.000 by the measure's convention), 47/49 exact,
# ley1712-res1519 1.000 / 1.000 / 1.000 (nothing found, nothing expected found), 59/59
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_SECOND_ZB_GELT = (1.000, 0.000, 1.000)
TWENTY_SECOND_ZB_LEY = (1.000, 1.000, 1.000)
# ze-nobsa (thirteenth session, H135): labelled blind in 3829e9f, first contact gelt-2008 0.571 (4/7) /
# 1.000 (4/4) / 1.000 (4/4), 43/48 exact, ley1712-res1519 0.800 (4/5) / 0.667 (4/6) / 1.000 (4/4), 56/59
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_FOURTH_ZE_GELT = (0.571, 1.000, 1.000)
TWENTY_FOURTH_ZE_LEY = (0.800, 0.667, 1.000)
# zd-cucuta (thirteenth session, H134): labelled blind in d1fc9af, first contact gelt-2008 0.286 (6/21) /
# 0.750 (6/8) / 0.667 (4/6), 27/46 exact, ley1712-res1519 0.241 (7/29) / 1.000 (7/7) / 0.429 (3/7), 32/58
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
# H187 lowered both recall floors (gelt-2008 0.750 -> 0.714, 5/7; ley1712-res1519 1.000 -> 0.714, 5/7): a
# card whose numbered title is a link to the home page is a dead entry, no longer also «está en la lista,
# sin nada publicado» (class 1870). «info.directorio_funcionarios», «ley1712.1.4» and «ley1712.1.5»
# (labelled «parcial» for the offices on /Alcalde) were found only through that double reading of the
# dead cards «3.5 …» / «1.2 …», with the wrong evidence (/Transparencia; the labels accept /Alcalde): the
# engine does not read /Alcalde's offices as a directory or as seats (recall, not this cause). The same
# change took 21 false findings out of this site (precision now 0.625 and 0.357, floors 0.286 and 0.241).
TWENTY_THIRD_ZD_GELT = (0.286, 0.714, 0.667)
TWENTY_THIRD_ZD_LEY = (0.241, 0.714, 0.429)
# zf-yarumal (thirteenth session, H141): labelled blind in 337ca7f, first contact gelt-2008 0.400 (2/5) /
# 0.667 (2/3) / 1.000 (2/2), 44/48 exact, ley1712-res1519 0.500 (3/6) / 0.600 (3/5) / 1.000 (3/3), 54/59
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_FIFTH_ZF_GELT = (0.400, 0.667, 1.000)
TWENTY_FIFTH_ZF_LEY = (0.500, 0.600, 1.000)
# zg-alcaldialocal (thirteenth session, H142): labelled blind in 27bf4fc, first contact gelt-2008 0.800 (4/5)
# / 0.667 (4/6) / 1.000 (3/3), 42/46 exact, ley1712-res1519 0.625 (5/8) / 0.833 (5/6) / 1.000 (4/4), 47/53
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_SIXTH_ZG_GELT = (0.800, 0.667, 1.000)
TWENTY_SIXTH_ZG_LEY = (0.625, 0.833, 1.000)
# zi-santuario (fourteenth session, H153): labelled blind in 995595f, first contact gelt-2008 1.000 (1/1)
# / 0.333 (1/3) / 0.000 (0/1), 47/49 exact, ley1712-res1519 1.000 (2/2) / 0.500 (2/4) / 0.000 (0/2), 57/59
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_SEVENTH_ZI_GELT = (1.000, 0.333, 0.000)
TWENTY_SEVENTH_ZI_LEY = (1.000, 0.500, 0.000)
# zk-espsantafe (fifteenth session, H160): labelled blind in 2366556, first contact gelt-2008 1.000 (6/6)
# / 0.667 (6/9) / 1.000 (4/4), 44/48 exact, ley1712-res1519 1.000 (8/8) / 0.800 (8/10) / 0.833 (5/6), 56/59
# (docs/checklist-accuracy.md); then tuning material, floored at its first contact.
TWENTY_EIGHTH_ZK_GELT = (1.000, 0.667, 1.000)
TWENTY_EIGHTH_ZK_LEY = (1.000, 0.800, 0.833)
# zl-aguassince (fifteenth session, H161): labelled blind in 85605d0, first contact gelt-2008 1.000 (3/3)
# / 0.600 (3/5) / 1.000 (2/2), 42/46 exact, ley1712-res1519 1.000 (3/3) / 0.375 (3/8) / 1.000 (2/2), 53/58
# (docs/checklist-accuracy.md); then tuning material. Its labels were adjudicated by the written
# criteria (H173, without engine output: 20 lines, most the nine empty accordion items of /transparency,
# «Nombrado y vacío»); on them, with H169's named-and-empty rules, gelt-2008 0.900 / 1.000 / 1.000, 45/47,
# ley1712-res1519 0.875 / 0.700 / 1.000, 51/59: the floor. Precision is below first contact because three
# items the adjudication left undecided (a combined category title, «Participa» for 6.1) keep no_cumple.
TWENTY_NINTH_ZL_GELT = (0.900, 1.000, 1.000)
TWENTY_NINTH_ZL_LEY = (0.875, 0.700, 1.000)
# zm-curaduria2baq (nineteenth session, H199): a new origin, labelled blind in 360700a, first contact
# gelt-2008 0.846 (11/13) / 0.917 (11/12) / 0.889 (8/9), 40/46 exact, ley1712-res1519 0.867 (13/15) /
# 0.929 (13/14) / 0.909 (10/11), 51/59 (docs/checklist-accuracy.md, «H199»); then three labels
# adjudicated by the written criteria (ley1712.1.1 and info.funciones to parcial, criterion B;
# info.boletines_publicaciones to sin_verificar, criteria F and L), which moves gelt-2008 to 0.917 (11/12)
# / 0.917 / 0.889, 40/45: the floor, at the measured figures; tuning material, no engine change.
# H205 (criterion Q, c): the forms of /pages/pagos.html and vallas.html (a payment proof, a sign's photo)
# are no PQRSD forms: gelt-2008 0.917 / 0.917 / 1.000, 41/45; ley1712-res1519 0.923 (12/13) / 0.857
# (12/14) / 1.000, 53/59. The ley recall floor is LOWERED from 0.929 to 0.857: its 13th hit was
# ley1712.1.10 found through the payment form (label parcial for the e-mail and the office, «doubtful:
# no_cumple»), a right status for a wrong reason; without that form nothing finds 1.10 (a recall gap
# for the e-mail as a channel, not a form). The other floors rise to the measured figures.
THIRTIETH_ZM_GELT = (0.917, 0.917, 1.000)
THIRTIETH_ZM_LEY = (0.923, 0.857, 1.000)
# zn-bomberossoledad (twentieth session, H209): a new origin (TheD3xter/cbvsaweb), labelled blind in
# 7200a54 with the rebuilt site, before the engine first ran on it; first contact gelt-2008 0.944 (17/18)
# / 0.607 (17/28) / 1.000 (12/12), 29/48 exact, ley1712-res1519 0.947 (18/19) / 0.474 (18/38) / 0.941
# (16/17), 32/58 (docs/checklist-accuracy.md, «H209»); no label adjudicated, no engine change: tuning
# material, floored at its first contact.
# H215 (classes 2150, 2151: the footer written after «</body>», the numbered entries named with no link):
# gelt-2008 0.962 (25/26) / 0.893 (25/28) / 1.000, 40/48; ley1712-res1519 0.949 (37/39) / 0.974 (37/38) /
# 0.912 (31/34), 52/58: the floor. The ley evidence floor is LOWERED 0.941 -> 0.912: two items found now
# that were «no se encontró» come with a first evidence the label does not take: ley1712.1.4 (the
# footer's address and hours on «/», label /contactenos.html, cause 5 of H209 unsolved) and ley1712.8 (the
# section shown by its named entries, first evidence /ninios_ninias_adolescentes.html, label
# /transparencia.html); the third wrong one, ley1712.1.10, was wrong before.
THIRTY_FIRST_ZN_GELT = (0.962, 0.893, 1.000)
THIRTY_FIRST_ZN_LEY = (0.949, 0.974, 0.912)
# zo-yascual (twentieth session, H209): a new origin (Jeismu22/yascualgov), labelled blind in 1125adf
# with the rebuilt site, before the engine first ran on it; first contact gelt-2008 0.500 (1/2) / 0.333
# (1/3) / 1.000 (1/1), 43/47 exact, ley1712-res1519 0.333 (1/3) / 0.250 (1/4) / 1.000 (1/1), 53/58
# (docs/checklist-accuracy.md, «H209»); then ley1712.1 adjudicated parcial by the written H91 criterion
# (a section nothing names, shown by three entries the labels find), which moves ley1712-res1519 to
# 0.667 (2/3) / 0.400 (2/5) / 0.500 (1/2), 54/58: the floor, at the measured figures; no engine change.
# H228 (twenty-first session): class 2282 (the «Nombre | Cargo | Telefono» table of /contactos.html is the
# staff directory) and class 2283 (the one-line «Mensaje» box makes /pqrs.html a message form) raise it to
# gelt-2008 0.667 (2/3) / 0.667 (2/3) / 1.000 (2/2), 44/47, ley1712-res1519 0.800 (4/5) / 0.800 (4/5) /
# 1.000 (4/4), 56/58: the floor, at the measured figures.
THIRTY_SECOND_ZO_GELT = (0.667, 0.667, 1.000)
THIRTY_SECOND_ZO_LEY = (0.800, 0.800, 1.000)

# zq-iebetania (twentieth session, H210): a new origin (a public school's static site), labelled blind in
# 666c9f4, first contact gelt-2008 0.850 (17/20) / 0.739 (17/23) / 1.000 (12/12), 37/48 exact,
# ley1712-res1519 0.821 (23/28) / 0.920 (23/25) / 1.000 (20/20), 39/58 (docs/checklist-accuracy.md,
# «H210»); then one label adjudicated by the written criteria (ley1712.5.1 to parcial, criterion F, as
# ley1712.9.1), which moves ley1712-res1519 to 0.857 (24/28) / 0.923 (24/26) / 1.000, 40/58: the floor,
# at the measured figures; tuning material, no engine change.
THIRTY_THIRD_ZQ_GELT = (0.850, 0.739, 1.000)
THIRTY_THIRD_ZQ_LEY = (0.857, 0.923, 1.000)
# zr-idpac (twentieth session, H210): a new origin (the IDPAC's site templates, one page reached, every
# entry to «#»), labelled blind in dfe3052, first contact gelt-2008 1.000 (5/5) / 1.000 (5/5) / 1.000
# (2/2), 49/49 exact, ley1712-res1519 1.000 (3/3) / 0.600 (3/5) / 1.000 (1/1), 57/59
# (docs/checklist-accuracy.md, «H210»); floored at its first contact, tuning material, no engine change.
THIRTY_FOURTH_ZR_GELT = (1.000, 1.000, 1.000)
THIRTY_FOURTH_ZR_LEY = (1.000, 0.600, 1.000)
# zs-tangara (twentieth session, H210): a new origin (the Gobernación del Cauca's statistics portal),
# labelled blind in b67277f, first contact gelt-2008 0.667 (2/3) / 0.500 (2/4) / 1.000 (1/1), 45/48 exact,
# ley1712-res1519 0.500 (2/4) / 0.400 (2/5) / 1.000 (2/2), 54/59 (docs/checklist-accuracy.md, «H210»);
# floored at its first contact, tuning material, no engine change.
THIRTY_FIFTH_ZS_GELT = (0.667, 0.500, 1.000)
THIRTY_FIFTH_ZS_LEY = (0.500, 0.400, 1.000)
# zy-liceozipaquira (twenty-first session, H221): a new origin (an official school of Zipaquirá), labelled
# blind in 668dab3, first contact gelt-2008 1.000 (8/8) / 0.667 (8/12) / 0.667 (4/6), 40/47 exact,
# ley1712-res1519 0.571 (4/7) / 0.400 (4/10) / 0.667 (2/3), 50/59; three ley labels then adjudicated by
# the written criteria (f3693f5: ley1712.1 by H91, ley1712.5 and 5.1 by criterion D), measured again:
# ley1712-res1519 1.000 (7/7) / 0.538 (7/13) / 0.833 (5/6), 53/59 (docs/checklist-accuracy.md, «H221»);
# floored at that measure, tuning material, no engine change.
# H228: classes 2280 («26 may 2023» is a date: info.noticias cumple) and 2281 (the footer inside the
# layout's <main> is the page footer: ley1712.footer.contacto parcial, and interaccion.pqrsd parcial by the
# footer's e-mail, evidenced by the home page where the label points to /contacto) move it to gelt-2008
# 1.000 (9/9) / 0.750 (9/12) / 0.571 (4/7), 42/47, ley1712-res1519 1.000 (8/8) / 0.615 (8/13) / 0.833
# (5/6), 54/59. The gelt evidence floor is LOWERED from 0.667 (4/6) to 0.571 (4/7): the item newly
# found (recall 8 -> 9, exact 40 -> 42) is one more judged evidence, not one fewer right one.
THIRTY_SIXTH_ZY_GELT = (1.000, 0.750, 0.571)
THIRTY_SIXTH_ZY_LEY = (1.000, 0.615, 0.833)
# zzd-fonvalmed (twenty-first session, H227): a new origin (a static rebuild of the Fondo de Valorización
# de Medellín's site, one page reached, every menu entry to the live site on another host), labelled blind
# in 7e25ac6, first contact gelt-2008 0.857 (6/7) / 0.857 (6/7) / 1.000 (6/6), 14/16 exact,
# ley1712-res1519 0.750 (3/4) / 0.500 (3/6) / 0.500 (1/2), 12/16 (docs/checklist-accuracy.md, «H227»);
# floored at its first contact, tuning material, no engine change.
THIRTY_SEVENTH_ZZD_GELT = (0.857, 0.857, 1.000)
THIRTY_SEVENTH_ZZD_LEY = (0.750, 0.500, 0.500)
# zzf-toxicologiains (twenty-second session, H233): a new origin (the Instituto Nacional de Salud's
# toxicology microsite, oblicuaDev/toxicologia-minisite; every list drawn by an inline script), labelled
# blind in c8cfd80, first contact gelt-2008 1.000 (0/0) / 0.000 (0/2) / 1.000 (0/0), 43/45 exact,
# ley1712-res1519 1.000 (0/0) / 0.000 (0/2) / 1.000 (0/0), 55/57 (docs/checklist-accuracy.md, «H233»):
# nothing found, two items missed per profile; precision and evidence are 1.000 because nothing was
# claimed (no false positive, no evidence judged). Floored at its first contact, tuning material, no
# engine change.
THIRTY_EIGHTH_ZZF_GELT = (1.000, 0.000, 1.000)
THIRTY_EIGHTH_ZZF_LEY = (1.000, 0.000, 1.000)

# zzh-terminalsogamoso (twenty-second session, H234): a new origin (a JSP site of the Terminal de Transportes de
# Sogamoso, one page with content), labelled blind in f3dfe87, first contact gelt-2008 1.000 (1/1) / 1.000 (1/1) /
# 1.000 (1/1), 47/47 exact, ley1712-res1519 1.000 (1/1) / 1.000 (1/1) / 1.000 (1/1), 58/58 (docs/checklist-accuracy.md,
# «H234»); floored at its first contact, tuning material, no engine change. One item found per profile: a single
# false positive or miss would move a figure to 0.000 or 0.500, which is what the floor is for.
THIRTY_NINTH_ZZH_GELT = (1.000, 1.000, 1.000)
THIRTY_NINTH_ZZH_LEY = (1.000, 1.000, 1.000)

# zzj-santamargarita (twenty-second session, H235): a new origin (a static rebuild of the website of the
# E.S.E. Hospital Santa Margarita de Copacabana), labelled blind in 71e9b4b and put in the tuning part
# before its first measure; first contact gelt-2008 0.938 (15/16) / 0.750 (15/20) / 0.929 (13/14), 20/33
# exact, ley1712-res1519 0.969 (31/32) / 0.738 (31/42) / 0.862 (25/29), 28/50, «no_aplica» 0/2
# (docs/checklist-accuracy.md, «H235»); floored at its first contact, no engine change: its misses are
# listed there for a later helper.
FORTIETH_ZZJ_GELT = (0.938, 0.750, 0.929)
FORTIETH_ZZJ_LEY = (0.969, 0.738, 0.862)

# zzl-inemmedellin (twenty-second session, H238): a new origin (a static rebuild of the INEM José Félix de
# Restrepo's site, Medellín, an official school: a mega-menu of seventeen pages, no transparency menu,
# budget, contracting and the weekly programme on other hosts), labelled blind in 6fea455 and put in the
# tuning part before its first measure; first contact gelt-2008 0.833 (5/6) / 0.455 (5/11) / 1.000 (4/4),
# 32/40 exact, ley1712-res1519 1.000 (6/6) / 0.667 (6/9) / 1.000 (4/4), 50/53 (docs/checklist-accuracy.md,
# «H238»); floored at its first contact, no engine change (its misses are listed by cause for a later helper).
FORTY_FIRST_ZZL_GELT = (0.833, 0.455, 1.000)
FORTY_FIRST_ZZL_LEY = (1.000, 0.667, 1.000)

# zzo-culturasandona (twenty-third session, H243): a new origin (the PHP site of the Casa de la Cultura de Sandoná,
# Nariño, the municipality's culture coordination, rebuilt as a GET without its database), labelled blind in
# ff9e324 and put in the tuning part before its first measure; first contact gelt-2008 0.556 (5/9) / 0.625 (5/8) /
# 1.000 (3/3), 38/47 exact, ley1712-res1519 0.500 (4/8) / 0.667 (4/6) / 1.000 (1/1), 52/58
# (docs/checklist-accuracy.md, «H243»); floored at its first contact, no engine change (its misses are listed by
# cause for a later helper).
# H251 (classes 2510-2515): raised to gelt-2008 0.857 (6/7) / 0.750 (6/8) / 1.000 (4/4), 42/47 exact,
# ley1712-res1519 0.571 (4/7) / 0.667 (4/6) / 1.000 (1/1), 53/58.
# H254 (class 2540, «PLANEACIÓN:» over the Letras Viajeras project's prose is a paragraph's label, no category):
# ley1712-res1519 raised to 0.667 (4/6) / 0.667 (4/6) / 1.000 (1/1), 54/58 (ley1712.4.3 no longer a false
# «parcial»). gelt-2008 LOWERED to 0.833 (5/6) / 0.625 (5/8) / 1.000 (3/3), 41/47: its right
# info.plan_desarrollo «parcial» rested on that same label read as the category «Planeación»; the label's
# reason is the menu «Proyectos» (programmes and projects of the entity, docs/checklist-scope.md «Planes y
# programas»), which no rule reads yet: a right state for a wrong reason, gone with the wrong reason.
FORTY_SECOND_ZZO_GELT = (0.833, 0.625, 1.000)
FORTY_SECOND_ZZO_LEY = (0.667, 0.667, 1.000)

# zzq-iemariaantoniaruiz (twenty-third session, H244): a new origin (the website of the I.E. María Antonia
# Ruiz, Tuluá, an official school: twenty-four static pages, no transparency menu, a PQRSF section linking a
# Google Form, a 2023-II accountability video, the documents its cards link not in the repository: 404),
# labelled blind in 403da34 and put in the tuning part before its first measure; first contact gelt-2008
# 0.800 (4/5) / 0.500 (4/8) / 1.000 (3/3), 41/46 exact, ley1712-res1519 0.857 (6/7) / 0.545 (6/11) / 1.000
# (4/4), 53/59 (docs/checklist-accuracy.md, «H244»); floored at its first contact, no engine change (its
# misses are listed by cause for a later helper).
# H251 (classes 2513-2515): raised to gelt-2008 0.875 (7/8) / 0.875 (7/8) / 1.000 (6/6), 43/46 exact,
# ley1712-res1519 1.000 (8/8) / 0.727 (8/11) / 1.000 (6/6), 56/59.
# H254 (class 2541, «Comunicados» whose every file is 404 or «#» are no news): gelt-2008 precision raised to
# 1.000 (8/8; info.noticias no longer a false «parcial»), recall 0.889 (8/9) as before H254, 45/47 exact.
FORTY_SECOND_ZZQ_GELT = (1.000, 0.875, 1.000)
FORTY_SECOND_ZZQ_LEY = (1.000, 0.727, 1.000)

# zzt-colombiaot (twenty-fourth session, H259): a new origin («Colombia OT», the IGAC's territorial-planning
# portal: static pages whose catalogues a script fills, no transparency menu, the IGAC's seat and e-mails in
# every footer, «Políticas», «Mapa del sitio», «Términos y condiciones» named without a link), labelled blind
# in dfbb6e7 and put in the tuning part before its first measure; first contact gelt-2008 0.667 (6/9) / 0.667
# (6/9) / 1.000 (2/2), 37/44 exact, ley1712-res1519 0.556 (5/9) / 0.833 (5/6) / 1.000 (3/3), 52/57
# (docs/checklist-accuracy.md, «H259»); floored at its first contact, no engine change (its misses are listed
# by cause for a later helper). H265's classes 2652-2654 (the «Contáctenos en nuestras redes sociales» column,
# the catalogue's editing form with «Eliminar», the decrees' links to the ministries' sites): gelt-2008 0.750
# (6/8) / 0.667 / 1.000, 38/44, ley1712-res1519 1.000 (5/5) / 0.833 / 1.000, 56/57.
FORTY_THIRD_ZZT_GELT = (0.750, 0.667, 1.000)
FORTY_THIRD_ZZT_LEY = (1.000, 0.833, 1.000)

# zzy-policianacional and zzz-minsalud (twenty-eighth session, H302): two new origins of national entities, not
# territorial administrations (the shape of the Policía Nacional's site: three static pages, the nine Res. 1519
# sections as accordion headers with nothing under them, a «Participa» page of dead entries; the shape of the
# Ministerio de Salud's site: twelve pages, a Res. 3564 hub whose every entry links «#», dated news, a footer
# with hours, phones and the seat, services on www.minsalud.gov.co), labelled blind in 00c0aa2 and b47569c and
# put in the tuning part before their first measure; first contact zzy gelt-2008 1.000 (2/2) / 0.250 (2/8) /
# 1.000 (2/2), 41/49 exact, ley1712-res1519 0.800 (4/5) / 0.267 (4/15) / 1.000 (4/4), 45/59; zzz gelt-2008 0.643
# (9/14) / 0.900 (9/10) / 1.000 (3/3), 35/43 exact, ley1712-res1519 0.312 (5/16) / 0.714 (5/7) / 1.000 (1/1),
# 41/55 (docs/checklist-accuracy.md, «H302»); floored at their first contact. H302's class 3020 (an accordion
# item holding only its header is its section named over nothing): zzy gelt-2008 1.000 (5/5) / 0.625 (5/8) /
# 1.000 (5/5), 44/49, ley1712-res1519 0.846 (11/13) / 0.733 (11/15) / 1.000 (11/11), 51/59; zzz unchanged.
FORTY_FOURTH_ZZY_GELT = (1.000, 0.625, 1.000)
FORTY_FOURTH_ZZY_LEY = (0.846, 0.733, 1.000)
FORTY_FOURTH_ZZZ_GELT = (0.643, 0.900, 1.000)
FORTY_FOURTH_ZZZ_LEY = (0.312, 0.714, 1.000)

# zzw-catastrochiquinquira (twenty-eighth session, H301): a new origin («Catastro Chiquinquirá», the
# municipality of Chiquinquirá as gestor catastral: PHP pages with a shared header and footer, the home
# page's links written with backslashes, norms, procedures, open-data downloads, a PQRS form, no GOV.CO bar
# or transparency menu), labelled blind in b098ced and put in the tuning part before its first measure;
# first contact gelt-2008 0.889 (8/9) / 0.889 (8/9) / 0.600 (3/5), 43/46 exact, ley1712-res1519 1.000 (9/9)
# / 0.818 (9/11) / 0.750 (6/8), 56/58 (docs/checklist-accuracy.md, «H301»). Class 3010 (H301: a link written
# with backslashes names the page the crawl fetched): evidence raised to 1.000 (4/4, 6/6); recall LOWERED,
# gelt-2008 0.778 (7/9), ley1712-res1519 0.636 (7/11), 42/46 and 54/58 exact. The reason: info.datos_abiertos,
# ley1712.7 and ley1712.7.2 were found at first contact only by an artefact, a «document» whose file name was
# the whole unresolved backslashed path («C:\xampp\…\datos-abiertos\…\Registro_Tipo2….txt», a 404); read as
# the browser and the crawler read it, «datos-abiertos» is a folder (a category, not the file's subject) and
# the «Datos Abiertos» drop-down that names the section is not read (docs/checklist-accuracy.md, «H301»).
# Class 3011 (H301: a drop-down opener whose address is a place on the page, «#Datos Abiertos», names its
# menu): recall back to gelt-2008 0.889 (8/9), ley1712-res1519 0.818 (9/11), read rightly now; evidence
# LOWERED from class 3010's 1.000 to 0.800 (4/5) and 0.750 (6/8), still at or above first contact, 43/46 and
# 56/58 exact. The reason: the «Trámites» drop-down (#multicato) opens only «Servicio Con Registro», the
# login to the online procedures, and that entry (the menu read as a link to its first entry, as a «#»
# opener always was) leads the evidence of info.tramites_servicios, ley1712.5 and ley1712.5.1, whose label
# asks for the procedures' page.
FORTY_FOURTH_ZZW_GELT = (0.889, 0.889, 0.800)
FORTY_FOURTH_ZZW_LEY = (1.000, 0.818, 0.750)
FLOOR = {
    # putumayo + movilidad + hsvp + inder + idcbis + curaduria2: every site is tuning material now
    # (each was held-out until its misses were published in docs/checklist-accuracy.md)
    # measured 0.957 / 0.949 / 0.946 and 0.968 / 0.978 / 0.988 (docs/checklist-accuracy.md), less a margin
    ("six", "gelt-2008"): {"precision": 0.95, "recall": 0.94, "evidence": 0.935},
    # ley1712-res1519 evidence 0.98 -> 0.976 (H206, criterion E with the entity in other words): inder's
    # /normatividad.php («Normatividad del INDERSANTANDER.») is empty now, and ley1712.2.1's first evidence
    # is the hub's section «4. NORMATIVIDAD» whose one entry leads to it; H200's label accepts only the
    # empty page (a section whose entries lead to empty pages is named and empty: not read yet)
    # evidence back to 0.98 (H207, label correction): by criterion P extended (rule M) the hub's section that
    # shows the entry is accepted first where the page behind it is empty; measured 0.994 (170/171)
    ("six", "ley1712-res1519"): {"precision": 0.96, "recall": 0.97, "evidence": 0.98},
    # a-magangue + a-govimentum after the fifth round: measured, FIFTH_GELT and FIFTH_LEY above
    ("fifth", "gelt-2008"): {"precision": FIFTH_GELT[0], "recall": FIFTH_GELT[1], "evidence": FIFTH_GELT[2]},
    ("fifth", "ley1712-res1519"): {"precision": FIFTH_LEY[0], "recall": FIFTH_LEY[1], "evidence": FIFTH_LEY[2]},
    # coopsercont + contraloriands after their round, measured (first contact, blind: gelt-2008 0.885 /
    # 0.852 / 0.824, ley1712-res1519 0.818 / 0.771 / 0.842)
    # gelt evidence 0.875 → 0.938 (15/16) with H53's class 42: the contact page that shows every part
    # before the footer that shows only the address
    ("utility-comptroller", "gelt-2008"): {"precision": 0.880, "recall": 0.846, "evidence": 0.938},
    ("utility-comptroller", "ley1712-res1519"): {"precision": 0.861, "recall": 0.886, "evidence": 0.909},
    # c-edup after the sixth round: measured, SIXTH_GELT and SIXTH_LEY above
    ("sixth", "gelt-2008"): {"precision": SIXTH_GELT[0], "recall": SIXTH_GELT[1], "evidence": SIXTH_GELT[2]},
    ("sixth", "ley1712-res1519"): {"precision": SIXTH_LEY[0], "recall": SIXTH_LEY[1], "evidence": SIXTH_LEY[2]},
    # g-imder + g-hsap after the seventh round: measured, SEVENTH_GELT and SEVENTH_LEY above
    ("seventh", "gelt-2008"): {"precision": SEVENTH_GELT[0], "recall": SEVENTH_GELT[1], "evidence": SEVENTH_GELT[2]},
    ("seventh", "ley1712-res1519"): {"precision": SEVENTH_LEY[0], "recall": SEVENTH_LEY[1], "evidence": SEVENTH_LEY[2]},
    # h-anserma at its first contact: measured, EIGHTH_GELT and EIGHTH_LEY above
    ("eighth", "gelt-2008"): {"precision": EIGHTH_GELT[0], "recall": EIGHTH_GELT[1], "evidence": EIGHTH_GELT[2]},
    ("eighth", "ley1712-res1519"): {"precision": EIGHTH_LEY[0], "recall": EIGHTH_LEY[1], "evidence": EIGHTH_LEY[2]},
    # i-curaduria1: measured, NINTH_GELT and NINTH_LEY above
    ("ninth", "gelt-2008"): {"precision": NINTH_GELT[0], "recall": NINTH_GELT[1], "evidence": NINTH_GELT[2]},
    ("ninth", "ley1712-res1519"): {"precision": NINTH_LEY[0], "recall": NINTH_LEY[1], "evidence": NINTH_LEY[2]},
    # j-choconta: measured, TENTH_GELT and TENTH_LEY above
    ("tenth", "gelt-2008"): {"precision": TENTH_GELT[0], "recall": TENTH_GELT[1], "evidence": TENTH_GELT[2]},
    ("tenth", "ley1712-res1519"): {"precision": TENTH_LEY[0], "recall": TENTH_LEY[1], "evidence": TENTH_LEY[2]},
    # k-guachucal: measured, ELEVENTH_K_GELT and ELEVENTH_K_LEY above
    ("eleventh-k", "gelt-2008"): {
        "precision": ELEVENTH_K_GELT[0],
        "recall": ELEVENTH_K_GELT[1],
        "evidence": ELEVENTH_K_GELT[2],
    },
    ("eleventh-k", "ley1712-res1519"): {
        "precision": ELEVENTH_K_LEY[0],
        "recall": ELEVENTH_K_LEY[1],
        "evidence": ELEVENTH_K_LEY[2],
    },
    # l-electrohuila: measured, ELEVENTH_GELT and ELEVENTH_LEY above
    ("eleventh", "gelt-2008"): {
        "precision": ELEVENTH_GELT[0],
        "recall": ELEVENTH_GELT[1],
        "evidence": ELEVENTH_GELT[2],
    },
    ("eleventh", "ley1712-res1519"): {
        "precision": ELEVENTH_LEY[0],
        "recall": ELEVENTH_LEY[1],
        "evidence": ELEVENTH_LEY[2],
    },
    # m-buga: measured, TWELFTH_M_GELT and TWELFTH_M_LEY above
    ("twelfth-m", "gelt-2008"): {
        "precision": TWELFTH_M_GELT[0],
        "recall": TWELFTH_M_GELT[1],
        "evidence": TWELFTH_M_GELT[2],
    },
    ("twelfth-m", "ley1712-res1519"): {
        "precision": TWELFTH_M_LEY[0],
        "recall": TWELFTH_M_LEY[1],
        "evidence": TWELFTH_M_LEY[2],
    },
    # n-soacha: TWELFTH_N_GELT and TWELFTH_N_LEY above
    ("twelfth-n", "gelt-2008"): {
        "precision": TWELFTH_N_GELT[0],
        "recall": TWELFTH_N_GELT[1],
        "evidence": TWELFTH_N_GELT[2],
    },
    ("twelfth-n", "ley1712-res1519"): {
        "precision": TWELFTH_N_LEY[0],
        "recall": TWELFTH_N_LEY[1],
        "evidence": TWELFTH_N_LEY[2],
    },
    # o-indecho: THIRTEENTH_O_GELT and THIRTEENTH_O_LEY above
    ("thirteenth-o", "gelt-2008"): {
        "precision": THIRTEENTH_O_GELT[0],
        "recall": THIRTEENTH_O_GELT[1],
        "evidence": THIRTEENTH_O_GELT[2],
    },
    ("thirteenth-o", "ley1712-res1519"): {
        "precision": THIRTEENTH_O_LEY[0],
        "recall": THIRTEENTH_O_LEY[1],
        "evidence": THIRTEENTH_O_LEY[2],
    },
    # r-lajagua: FOURTEENTH_R_GELT and FOURTEENTH_R_LEY above
    ("fourteenth-r", "gelt-2008"): {
        "precision": FOURTEENTH_R_GELT[0],
        "recall": FOURTEENTH_R_GELT[1],
        "evidence": FOURTEENTH_R_GELT[2],
    },
    ("fourteenth-r", "ley1712-res1519"): {
        "precision": FOURTEENTH_R_LEY[0],
        "recall": FOURTEENTH_R_LEY[1],
        "evidence": FOURTEENTH_R_LEY[2],
    },
    # s-piedecuesta: FIFTEENTH_S_GELT and FIFTEENTH_S_LEY above
    ("fifteenth-s", "gelt-2008"): {
        "precision": FIFTEENTH_S_GELT[0],
        "recall": FIFTEENTH_S_GELT[1],
        "evidence": FIFTEENTH_S_GELT[2],
    },
    ("fifteenth-s", "ley1712-res1519"): {
        "precision": FIFTEENTH_S_LEY[0],
        "recall": FIFTEENTH_S_LEY[1],
        "evidence": FIFTEENTH_S_LEY[2],
    },
    # u-tibirita: SIXTEENTH_U_GELT and SIXTEENTH_U_LEY above
    ("sixteenth-u", "gelt-2008"): {
        "precision": SIXTEENTH_U_GELT[0],
        "recall": SIXTEENTH_U_GELT[1],
        "evidence": SIXTEENTH_U_GELT[2],
    },
    ("sixteenth-u", "ley1712-res1519"): {
        "precision": SIXTEENTH_U_LEY[0],
        "recall": SIXTEENTH_U_LEY[1],
        "evidence": SIXTEENTH_U_LEY[2],
    },
    # v-epccajica: SEVENTEENTH_V_GELT and SEVENTEENTH_V_LEY above
    ("seventeenth-v", "gelt-2008"): {
        "precision": SEVENTEENTH_V_GELT[0],
        "recall": SEVENTEENTH_V_GELT[1],
        "evidence": SEVENTEENTH_V_GELT[2],
    },
    ("seventeenth-v", "ley1712-res1519"): {
        "precision": SEVENTEENTH_V_LEY[0],
        "recall": SEVENTEENTH_V_LEY[1],
        "evidence": SEVENTEENTH_V_LEY[2],
    },
    # w-santamarta: EIGHTEENTH_W_GELT and EIGHTEENTH_W_LEY above
    ("eighteenth-w", "gelt-2008"): {
        "precision": EIGHTEENTH_W_GELT[0],
        "recall": EIGHTEENTH_W_GELT[1],
        "evidence": EIGHTEENTH_W_GELT[2],
    },
    ("eighteenth-w", "ley1712-res1519"): {
        "precision": EIGHTEENTH_W_LEY[0],
        "recall": EIGHTEENTH_W_LEY[1],
        "evidence": EIGHTEENTH_W_LEY[2],
    },
    # x-arauca: NINETEENTH_X_GELT and NINETEENTH_X_LEY above
    ("nineteenth-x", "gelt-2008"): {
        "precision": NINETEENTH_X_GELT[0],
        "recall": NINETEENTH_X_GELT[1],
        "evidence": NINETEENTH_X_GELT[2],
    },
    ("nineteenth-x", "ley1712-res1519"): {
        "precision": NINETEENTH_X_LEY[0],
        "recall": NINETEENTH_X_LEY[1],
        "evidence": NINETEENTH_X_LEY[2],
    },
    # y-honda: TWENTIETH_Y_GELT and TWENTIETH_Y_LEY above
    ("twentieth-y", "gelt-2008"): {
        "precision": TWENTIETH_Y_GELT[0],
        "recall": TWENTIETH_Y_GELT[1],
        "evidence": TWENTIETH_Y_GELT[2],
    },
    ("twentieth-y", "ley1712-res1519"): {
        "precision": TWENTIETH_Y_LEY[0],
        "recall": TWENTIETH_Y_LEY[1],
        "evidence": TWENTIETH_Y_LEY[2],
    },
    # z-unguia: TWENTY_FIRST_Z_GELT and TWENTY_FIRST_Z_LEY above
    ("twenty-first-z", "gelt-2008"): {
        "precision": TWENTY_FIRST_Z_GELT[0],
        "recall": TWENTY_FIRST_Z_GELT[1],
        "evidence": TWENTY_FIRST_Z_GELT[2],
    },
    ("twenty-first-z", "ley1712-res1519"): {
        "precision": TWENTY_FIRST_Z_LEY[0],
        "recall": TWENTY_FIRST_Z_LEY[1],
        "evidence": TWENTY_FIRST_Z_LEY[2],
    },
    # zb-bogota: TWENTY_SECOND_ZB_GELT and TWENTY_SECOND_ZB_LEY above
    ("twenty-second-zb", "gelt-2008"): {
        "precision": TWENTY_SECOND_ZB_GELT[0],
        "recall": TWENTY_SECOND_ZB_GELT[1],
        "evidence": TWENTY_SECOND_ZB_GELT[2],
    },
    ("twenty-second-zb", "ley1712-res1519"): {
        "precision": TWENTY_SECOND_ZB_LEY[0],
        "recall": TWENTY_SECOND_ZB_LEY[1],
        "evidence": TWENTY_SECOND_ZB_LEY[2],
    },
    # ze-nobsa: TWENTY_FOURTH_ZE_GELT and TWENTY_FOURTH_ZE_LEY above
    ("twenty-fourth-ze", "gelt-2008"): {
        "precision": TWENTY_FOURTH_ZE_GELT[0],
        "recall": TWENTY_FOURTH_ZE_GELT[1],
        "evidence": TWENTY_FOURTH_ZE_GELT[2],
    },
    ("twenty-fourth-ze", "ley1712-res1519"): {
        "precision": TWENTY_FOURTH_ZE_LEY[0],
        "recall": TWENTY_FOURTH_ZE_LEY[1],
        "evidence": TWENTY_FOURTH_ZE_LEY[2],
    },
    # zd-cucuta: TWENTY_THIRD_ZD_GELT and TWENTY_THIRD_ZD_LEY above
    ("twenty-third-zd", "gelt-2008"): {
        "precision": TWENTY_THIRD_ZD_GELT[0],
        "recall": TWENTY_THIRD_ZD_GELT[1],
        "evidence": TWENTY_THIRD_ZD_GELT[2],
    },
    ("twenty-third-zd", "ley1712-res1519"): {
        "precision": TWENTY_THIRD_ZD_LEY[0],
        "recall": TWENTY_THIRD_ZD_LEY[1],
        "evidence": TWENTY_THIRD_ZD_LEY[2],
    },
    # zf-yarumal: TWENTY_FIFTH_ZF_GELT and TWENTY_FIFTH_ZF_LEY above
    ("twenty-fifth-zf", "gelt-2008"): {
        "precision": TWENTY_FIFTH_ZF_GELT[0],
        "recall": TWENTY_FIFTH_ZF_GELT[1],
        "evidence": TWENTY_FIFTH_ZF_GELT[2],
    },
    ("twenty-fifth-zf", "ley1712-res1519"): {
        "precision": TWENTY_FIFTH_ZF_LEY[0],
        "recall": TWENTY_FIFTH_ZF_LEY[1],
        "evidence": TWENTY_FIFTH_ZF_LEY[2],
    },
    # zg-alcaldialocal: TWENTY_SIXTH_ZG_GELT and TWENTY_SIXTH_ZG_LEY above
    ("twenty-sixth-zg", "gelt-2008"): {
        "precision": TWENTY_SIXTH_ZG_GELT[0],
        "recall": TWENTY_SIXTH_ZG_GELT[1],
        "evidence": TWENTY_SIXTH_ZG_GELT[2],
    },
    ("twenty-sixth-zg", "ley1712-res1519"): {
        "precision": TWENTY_SIXTH_ZG_LEY[0],
        "recall": TWENTY_SIXTH_ZG_LEY[1],
        "evidence": TWENTY_SIXTH_ZG_LEY[2],
    },
    # zi-santuario: TWENTY_SEVENTH_ZI_GELT and TWENTY_SEVENTH_ZI_LEY above
    ("twenty-seventh-zi", "gelt-2008"): {
        "precision": TWENTY_SEVENTH_ZI_GELT[0],
        "recall": TWENTY_SEVENTH_ZI_GELT[1],
        "evidence": TWENTY_SEVENTH_ZI_GELT[2],
    },
    ("twenty-seventh-zi", "ley1712-res1519"): {
        "precision": TWENTY_SEVENTH_ZI_LEY[0],
        "recall": TWENTY_SEVENTH_ZI_LEY[1],
        "evidence": TWENTY_SEVENTH_ZI_LEY[2],
    },
    # zk-espsantafe: TWENTY_EIGHTH_ZK_GELT and TWENTY_EIGHTH_ZK_LEY above
    ("twenty-eighth-zk", "gelt-2008"): {
        "precision": TWENTY_EIGHTH_ZK_GELT[0],
        "recall": TWENTY_EIGHTH_ZK_GELT[1],
        "evidence": TWENTY_EIGHTH_ZK_GELT[2],
    },
    ("twenty-eighth-zk", "ley1712-res1519"): {
        "precision": TWENTY_EIGHTH_ZK_LEY[0],
        "recall": TWENTY_EIGHTH_ZK_LEY[1],
        "evidence": TWENTY_EIGHTH_ZK_LEY[2],
    },
    # zl-aguassince: TWENTY_NINTH_ZL_GELT and TWENTY_NINTH_ZL_LEY above
    ("twenty-ninth-zl", "gelt-2008"): {
        "precision": TWENTY_NINTH_ZL_GELT[0],
        "recall": TWENTY_NINTH_ZL_GELT[1],
        "evidence": TWENTY_NINTH_ZL_GELT[2],
    },
    ("twenty-ninth-zl", "ley1712-res1519"): {
        "precision": TWENTY_NINTH_ZL_LEY[0],
        "recall": TWENTY_NINTH_ZL_LEY[1],
        "evidence": TWENTY_NINTH_ZL_LEY[2],
    },
    # zm-curaduria2baq: THIRTIETH_ZM_GELT and THIRTIETH_ZM_LEY above
    ("thirtieth-zm", "gelt-2008"): {
        "precision": THIRTIETH_ZM_GELT[0],
        "recall": THIRTIETH_ZM_GELT[1],
        "evidence": THIRTIETH_ZM_GELT[2],
    },
    ("thirtieth-zm", "ley1712-res1519"): {
        "precision": THIRTIETH_ZM_LEY[0],
        "recall": THIRTIETH_ZM_LEY[1],
        "evidence": THIRTIETH_ZM_LEY[2],
    },
    # zn-bomberossoledad: THIRTY_FIRST_ZN_GELT and THIRTY_FIRST_ZN_LEY above
    ("thirty-first-zn", "gelt-2008"): {
        "precision": THIRTY_FIRST_ZN_GELT[0],
        "recall": THIRTY_FIRST_ZN_GELT[1],
        "evidence": THIRTY_FIRST_ZN_GELT[2],
    },
    ("thirty-first-zn", "ley1712-res1519"): {
        "precision": THIRTY_FIRST_ZN_LEY[0],
        "recall": THIRTY_FIRST_ZN_LEY[1],
        "evidence": THIRTY_FIRST_ZN_LEY[2],
    },
    # zo-yascual: THIRTY_SECOND_ZO_GELT and THIRTY_SECOND_ZO_LEY above
    ("thirty-second-zo", "gelt-2008"): {
        "precision": THIRTY_SECOND_ZO_GELT[0],
        "recall": THIRTY_SECOND_ZO_GELT[1],
        "evidence": THIRTY_SECOND_ZO_GELT[2],
    },
    ("thirty-second-zo", "ley1712-res1519"): {
        "precision": THIRTY_SECOND_ZO_LEY[0],
        "recall": THIRTY_SECOND_ZO_LEY[1],
        "evidence": THIRTY_SECOND_ZO_LEY[2],
    },
    # zq-iebetania: THIRTY_THIRD_ZQ_GELT and THIRTY_THIRD_ZQ_LEY above
    ("thirty-third-zq", "gelt-2008"): {
        "precision": THIRTY_THIRD_ZQ_GELT[0],
        "recall": THIRTY_THIRD_ZQ_GELT[1],
        "evidence": THIRTY_THIRD_ZQ_GELT[2],
    },
    ("thirty-third-zq", "ley1712-res1519"): {
        "precision": THIRTY_THIRD_ZQ_LEY[0],
        "recall": THIRTY_THIRD_ZQ_LEY[1],
        "evidence": THIRTY_THIRD_ZQ_LEY[2],
    },
    # zr-idpac: THIRTY_FOURTH_ZR_GELT and THIRTY_FOURTH_ZR_LEY above
    ("thirty-fourth-zr", "gelt-2008"): {
        "precision": THIRTY_FOURTH_ZR_GELT[0],
        "recall": THIRTY_FOURTH_ZR_GELT[1],
        "evidence": THIRTY_FOURTH_ZR_GELT[2],
    },
    ("thirty-fourth-zr", "ley1712-res1519"): {
        "precision": THIRTY_FOURTH_ZR_LEY[0],
        "recall": THIRTY_FOURTH_ZR_LEY[1],
        "evidence": THIRTY_FOURTH_ZR_LEY[2],
    },
    # zs-tangara: THIRTY_FIFTH_ZS_GELT and THIRTY_FIFTH_ZS_LEY above
    ("thirty-fifth-zs", "gelt-2008"): {
        "precision": THIRTY_FIFTH_ZS_GELT[0],
        "recall": THIRTY_FIFTH_ZS_GELT[1],
        "evidence": THIRTY_FIFTH_ZS_GELT[2],
    },
    ("thirty-fifth-zs", "ley1712-res1519"): {
        "precision": THIRTY_FIFTH_ZS_LEY[0],
        "recall": THIRTY_FIFTH_ZS_LEY[1],
        "evidence": THIRTY_FIFTH_ZS_LEY[2],
    },
    # zy-liceozipaquira: THIRTY_SIXTH_ZY_GELT and THIRTY_SIXTH_ZY_LEY above
    ("thirty-sixth-zy", "gelt-2008"): {
        "precision": THIRTY_SIXTH_ZY_GELT[0],
        "recall": THIRTY_SIXTH_ZY_GELT[1],
        "evidence": THIRTY_SIXTH_ZY_GELT[2],
    },
    ("thirty-sixth-zy", "ley1712-res1519"): {
        "precision": THIRTY_SIXTH_ZY_LEY[0],
        "recall": THIRTY_SIXTH_ZY_LEY[1],
        "evidence": THIRTY_SIXTH_ZY_LEY[2],
    },
    # zzd-fonvalmed: THIRTY_SEVENTH_ZZD_GELT and THIRTY_SEVENTH_ZZD_LEY above
    ("thirty-seventh-zzd", "gelt-2008"): {
        "precision": THIRTY_SEVENTH_ZZD_GELT[0],
        "recall": THIRTY_SEVENTH_ZZD_GELT[1],
        "evidence": THIRTY_SEVENTH_ZZD_GELT[2],
    },
    ("thirty-seventh-zzd", "ley1712-res1519"): {
        "precision": THIRTY_SEVENTH_ZZD_LEY[0],
        "recall": THIRTY_SEVENTH_ZZD_LEY[1],
        "evidence": THIRTY_SEVENTH_ZZD_LEY[2],
    },
    # zzf-toxicologiains: THIRTY_EIGHTH_ZZF_GELT and THIRTY_EIGHTH_ZZF_LEY above
    ("thirty-eighth-zzf", "gelt-2008"): {
        "precision": THIRTY_EIGHTH_ZZF_GELT[0],
        "recall": THIRTY_EIGHTH_ZZF_GELT[1],
        "evidence": THIRTY_EIGHTH_ZZF_GELT[2],
    },
    ("thirty-eighth-zzf", "ley1712-res1519"): {
        "precision": THIRTY_EIGHTH_ZZF_LEY[0],
        "recall": THIRTY_EIGHTH_ZZF_LEY[1],
        "evidence": THIRTY_EIGHTH_ZZF_LEY[2],
    },
    # zzh-terminalsogamoso: THIRTY_NINTH_ZZH_GELT and THIRTY_NINTH_ZZH_LEY above
    ("thirty-ninth-zzh", "gelt-2008"): {
        "precision": THIRTY_NINTH_ZZH_GELT[0],
        "recall": THIRTY_NINTH_ZZH_GELT[1],
        "evidence": THIRTY_NINTH_ZZH_GELT[2],
    },
    ("thirty-ninth-zzh", "ley1712-res1519"): {
        "precision": THIRTY_NINTH_ZZH_LEY[0],
        "recall": THIRTY_NINTH_ZZH_LEY[1],
        "evidence": THIRTY_NINTH_ZZH_LEY[2],
    },
    # zzj-santamargarita: FORTIETH_ZZJ_GELT and FORTIETH_ZZJ_LEY above
    ("fortieth-zzj", "gelt-2008"): {
        "precision": FORTIETH_ZZJ_GELT[0],
        "recall": FORTIETH_ZZJ_GELT[1],
        "evidence": FORTIETH_ZZJ_GELT[2],
    },
    ("fortieth-zzj", "ley1712-res1519"): {
        "precision": FORTIETH_ZZJ_LEY[0],
        "recall": FORTIETH_ZZJ_LEY[1],
        "evidence": FORTIETH_ZZJ_LEY[2],
    },
    # zzl-inemmedellin: FORTY_FIRST_ZZL_GELT and FORTY_FIRST_ZZL_LEY above
    ("forty-first-zzl", "gelt-2008"): {
        "precision": FORTY_FIRST_ZZL_GELT[0],
        "recall": FORTY_FIRST_ZZL_GELT[1],
        "evidence": FORTY_FIRST_ZZL_GELT[2],
    },
    ("forty-first-zzl", "ley1712-res1519"): {
        "precision": FORTY_FIRST_ZZL_LEY[0],
        "recall": FORTY_FIRST_ZZL_LEY[1],
        "evidence": FORTY_FIRST_ZZL_LEY[2],
    },
    # zzo-culturasandona: FORTY_SECOND_ZZO_GELT and FORTY_SECOND_ZZO_LEY above
    ("forty-second-zzo", "gelt-2008"): {
        "precision": FORTY_SECOND_ZZO_GELT[0],
        "recall": FORTY_SECOND_ZZO_GELT[1],
        "evidence": FORTY_SECOND_ZZO_GELT[2],
    },
    ("forty-second-zzo", "ley1712-res1519"): {
        "precision": FORTY_SECOND_ZZO_LEY[0],
        "recall": FORTY_SECOND_ZZO_LEY[1],
        "evidence": FORTY_SECOND_ZZO_LEY[2],
    },
    # zzq-iemariaantoniaruiz: FORTY_SECOND_ZZQ_GELT and FORTY_SECOND_ZZQ_LEY above
    ("forty-second-zzq", "gelt-2008"): {
        "precision": FORTY_SECOND_ZZQ_GELT[0],
        "recall": FORTY_SECOND_ZZQ_GELT[1],
        "evidence": FORTY_SECOND_ZZQ_GELT[2],
    },
    ("forty-second-zzq", "ley1712-res1519"): {
        "precision": FORTY_SECOND_ZZQ_LEY[0],
        "recall": FORTY_SECOND_ZZQ_LEY[1],
        "evidence": FORTY_SECOND_ZZQ_LEY[2],
    },
    # zzt-colombiaot: FORTY_THIRD_ZZT_GELT and FORTY_THIRD_ZZT_LEY above
    ("forty-third-zzt", "gelt-2008"): {
        "precision": FORTY_THIRD_ZZT_GELT[0],
        "recall": FORTY_THIRD_ZZT_GELT[1],
        "evidence": FORTY_THIRD_ZZT_GELT[2],
    },
    ("forty-third-zzt", "ley1712-res1519"): {
        "precision": FORTY_THIRD_ZZT_LEY[0],
        "recall": FORTY_THIRD_ZZT_LEY[1],
        "evidence": FORTY_THIRD_ZZT_LEY[2],
    },
    # zzy-policianacional: FORTY_FOURTH_ZZY_GELT and FORTY_FOURTH_ZZY_LEY above
    ("forty-fourth-zzy", "gelt-2008"): {
        "precision": FORTY_FOURTH_ZZY_GELT[0],
        "recall": FORTY_FOURTH_ZZY_GELT[1],
        "evidence": FORTY_FOURTH_ZZY_GELT[2],
    },
    ("forty-fourth-zzy", "ley1712-res1519"): {
        "precision": FORTY_FOURTH_ZZY_LEY[0],
        "recall": FORTY_FOURTH_ZZY_LEY[1],
        "evidence": FORTY_FOURTH_ZZY_LEY[2],
    },
    # zzz-minsalud: FORTY_FOURTH_ZZZ_GELT and FORTY_FOURTH_ZZZ_LEY above
    ("forty-fourth-zzz", "gelt-2008"): {
        "precision": FORTY_FOURTH_ZZZ_GELT[0],
        "recall": FORTY_FOURTH_ZZZ_GELT[1],
        "evidence": FORTY_FOURTH_ZZZ_GELT[2],
    },
    ("forty-fourth-zzz", "ley1712-res1519"): {
        "precision": FORTY_FOURTH_ZZZ_LEY[0],
        "recall": FORTY_FOURTH_ZZZ_LEY[1],
        "evidence": FORTY_FOURTH_ZZZ_LEY[2],
    },
    # zzw-catastrochiquinquira: FORTY_FOURTH_ZZW_GELT and FORTY_FOURTH_ZZW_LEY above
    ("forty-fourth-zzw", "gelt-2008"): {
        "precision": FORTY_FOURTH_ZZW_GELT[0],
        "recall": FORTY_FOURTH_ZZW_GELT[1],
        "evidence": FORTY_FOURTH_ZZW_GELT[2],
    },
    ("forty-fourth-zzw", "ley1712-res1519"): {
        "precision": FORTY_FOURTH_ZZW_LEY[0],
        "recall": FORTY_FOURTH_ZZW_LEY[1],
        "evidence": FORTY_FOURTH_ZZW_LEY[2],
    },
}
# The held-out part: sites labelled blind (labels committed before the engine first ran on them:
# betania, transmetro and sibundoy in 8b3a7a34; p-villagarzon and q-soledad, ninth session, H96, and
# t-bucaramanga, tenth session, H111, za-suba, twelfth session, H131, and zc-roldanillo, twelfth
# session, H133, zh-jerico, thirteenth session, H145, and zj-cali, fourteenth session, H157, and
# zt-sanisidro and zu-movilidadlaceja, twentieth session, H218 (in 4bddca2 and f43124f; new origins,
# measured as figures only), and zv-potdosquebradas, zx-hellocasabianca, zz-capillarosario and
# zzc-potdbolivar, twenty-first session, H220, H221, H226 and H227 (in bf63ab2, a9ef0c7, e1bf161 and
# 15409c9; new origins, figures only), and zzk-unicordoba, twenty-second session, H235 (a new origin,
# figures only), and zzm-personeriavillanueva, twenty-second session, H238 (a new origin, figures only), and
# zzn-unaddatos, twenty-third session, H243 (in a76a38b; a new origin, figures only: first contact gelt-2008
# 1.000 (3/3) / 0.600 (3/5) / 1.000 (3/3), 47/49 exact, ley1712-res1519 1.000 (3/3) / 0.375 (3/8) / 1.000
# (3/3), 54/59), and zzp-respeluniquindio, twenty-third session, H244 (a new origin, figures only), and
# zzr-hotspotbaq, twenty-third session, H252 (a new origin, figures only), and zzs-itrc, twenty-fourth
# session, H259 (in 28685c1; a new origin, figures only: first contact gelt-2008 0.944 (17/18) / 0.810
# (17/21) / 0.714 (10/14), 32/39 exact, ley1712-res1519 0.889 (16/18) / 0.842 (16/19) / 0.800 (12/15),
# 39/45), and zzu-csjspoabaq, twenty-fourth session, H259 (in 88493e9; a new origin, figures only: first
# contact gelt-2008 0.667 (2/3) / 0.333 (2/6) / 1.000 (2/2), 38/43 exact, ley1712-res1519 0.500 (2/4) /
# 0.500 (2/4) / 1.000 (1/1), 52/56), and zzv-puertadeoro, twenty-fourth session, H264 (in 5f8f25f; a new
# origin, figures only: first contact gelt-2008 0.923 (12/13) / 0.545 (12/22) / 0.625 (5/8), 34/47 exact,
# ley1712-res1519 0.923 (12/13) / 0.400 (12/30) / 0.500 (5/10), 30/57), each committed with its rebuilt site
# before the engine first ran on it; corpus README). It gets no floor copied from its own
# result: its figures are printed, and the issue's target (0.97 for precision, recall and evidence, per
# profile) is checked per profile as a strict expected failure until it is met (an unexpected pass
# fails too, so the marker must then go and the target becomes the floor). Figures:
# docs/checklist-accuracy.md. idcbis and curaduria2 (held-out until 2026-12-05, third session, labels
# in b21b67c8; their held-out figures are in the docs) are tuning material now.
HELD_OUT_SITES = {
    "betania",
    "transmetro",
    "sibundoy",
    "p-villagarzon",
    "q-soledad",
    "t-bucaramanga",
    "za-suba",
    "zc-roldanillo",
    "zh-jerico",
    "zj-cali",
    "zt-sanisidro",
    "zu-movilidadlaceja",
    "zv-potdosquebradas",
    "zx-hellocasabianca",
    "zz-capillarosario",
    "zzc-potdbolivar",
    "zze-ietassa",
    "zzk-unicordoba",
    "zzm-personeriavillanueva",
    "zzn-unaddatos",
    "zzp-respeluniquindio",
    "zzr-hotspotbaq",
    "zzs-itrc",
    "zzu-csjspoabaq",
    "zzv-puertadeoro",
}
HELD_OUT_TARGET = 0.97
HELD_OUT_MEETS_TARGET: set[str] = set()  # profiles whose held-out figures all reach the target


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Every corpus site served on 127.0.0.1, crawled and reported once (the real CLI)."""
    return {site.name: measure.crawl_site(site, tmp_path_factory.mktemp(site.name)) for site in measure.sites()}


def _records(report):
    origin = report["_origin"]
    out = {}
    for rec in report["checklist"]:
        rec = dict(rec)
        rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
        out[(rec["profile"], rec["item"])] = rec
    return out


@pytest.fixture(scope="module")
def putumayo(reports):
    """The tuning site's checklist records by (profile, item), with local evidence paths."""
    return _records(reports["putumayo"])


def test_section_titles_are_read_from_accordion_buttons_and_small_headings(putumayo):
    # GOV.CO accordion: <h2><button><span>1</span><span>Información de la entidad</span></button></h2>
    # followed by a list of links; the Participa page has its phases under <h5>.
    for n in range(1, 10):
        rec = putumayo[("ley1712-res1519", f"ley1712.{n}")]
        assert rec["status"] == "cumple", rec
        assert rec["paths"][0] == "/transparency", rec
    phases = putumayo[("ley1712-res1519", "ley1712.6.2")]
    assert phases["status"] == "cumple" and phases["paths"][0] == "/participa", phases


def test_no_aplica_on_the_page_is_proposed_with_its_sentence(putumayo):
    for item in ("ley1712.10", "ley1712.10.1", "ley1712.3.5"):  # accordion body and <summary>
        rec = putumayo[("ley1712-res1519", item)]
        assert rec["status"] == "no_aplica", rec
        assert rec["source"] == "auto" and rec["paths"] == ["/transparency"]
        assert "«Esta subcategoría no aplica para la entidad.»" in rec["detail"]
        assert "comité debe confirmar" in rec["detail"]
    # «No aplica» in a table cell under the 3.3 heading is not the entity's sentence
    assert putumayo[("ley1712-res1519", "ley1712.3.3")]["status"] == "cumple"


@pytest.mark.parametrize(
    "item",
    [
        "info.boletines_publicaciones",  # «Publicación de hojas de vida», «Publicación de la ejecución…»
        "interaccion.formularios",  # Formato-Informe-Pormenorizado-2026.pdf
        "transaccion.seguimiento",  # Seguimiento-Plan-de-Mejoramiento-2025.pdf
        "interaccion.encuestas",  # a forms.gle registration link
        "info.metas_indicadores",  # «Plan de mejoramiento suscrito con la Contraloría»
    ],
)
def test_loose_matches_do_not_decide_an_item(putumayo, item):
    rec = putumayo[("gelt-2008", item)]
    assert rec["status"] == "no_cumple", rec


def test_a_slug_is_not_the_evidence_of_a_section_it_names(putumayo):
    # /grupos-de-interes is the agremiaciones directory (1.7); section 8 is the hub's own section
    rec = putumayo[("ley1712-res1519", "ley1712.8")]
    assert rec["paths"][0] == "/transparency", rec
    assert putumayo[("ley1712-res1519", "ley1712.1.7")]["paths"][0] == "/grupos-de-interes"


def test_periods_come_from_the_items_own_document(putumayo):
    # «Informe de gestión 2024» → «Ver documento» (IG-2024.pdf) beside PAAC-2025.xlsx: 2025 is missing
    for profile, item in (("ley1712-res1519", "ley1712.4.7"), ("gelt-2008", "info.informes_gestion")):
        rec = putumayo[(profile, item)]
        assert rec["status"] == "parcial" and "falta el periodo 2025" in rec["detail"], rec
    # «Ver documento» → 2026V10.xlsx under «Ejecución de gastos»: the year is in the file name
    assert putumayo[("ley1712-res1519", "ley1712.4.2")]["status"] == "cumple"


def test_a_heading_whose_only_link_is_broken_is_not_trusted(putumayo):
    # its only link is a PDF that answers 404: it publishes nothing (the committee's criterion, H147;
    # it was «parcial» before), and the detail names the dead address
    rec = putumayo[("ley1712-res1519", "ley1712.4.4")]
    assert rec["status"] == "no_cumple", rec
    assert "/files/proyectos-inversion-2026.pdf, que no existe (404)" in rec["detail"], rec


def test_a_page_that_points_to_the_national_system_is_not_empty(putumayo):
    for profile, item, path in (
        ("ley1712-res1519", "ley1712.3.2", "/contractual"),  # «Consulte los procesos en el SECOP II»
        ("ley1712-res1519", "ley1712.7.2", "/open-data"),  # one line and the datos.gov.co link
        ("gelt-2008", "info.contratacion", "/contractual"),
    ):
        rec = putumayo[(profile, item)]
        assert rec["status"] == "cumple" and rec["paths"][0] == path, rec
        # an empty page's detail names its reason since H183: none of them
        assert not any(w in rec["detail"] for w in ("vacía", "no tiene nada publicado", "no publica nada")), rec


def test_evidence_is_ranked_as_a_person_would_point_to_it(putumayo):
    # the header's «Directorio» goes to the staff login /admin/: the real directory comes first
    rec = putumayo[("gelt-2008", "info.directorio_funcionarios")]
    assert rec["paths"][0] == "/directory-active", rec
    assert "/admin/" not in rec["paths"][:1]
    # a news item about the budget is linked from the home page: the 4.1 page is the evidence
    assert putumayo[("gelt-2008", "info.presupuesto")]["paths"][0] == "/budget"
    # a sub-item's page before the hub section that merely mentions its word (4 → «presupuesto»)
    assert putumayo[("ley1712-res1519", "ley1712.4.1")]["paths"][0] == "/budget"
    # «9 Obligación de reporte…» holds one link, «9.1 Gestión de información estadística»: the 9.1 entry
    assert putumayo[("ley1712-res1519", "ley1712.9.1")]["paths"][0] == "/statistical-information-management"
    # every part on one page: that page, not the first document
    assert putumayo[("ley1712-res1519", "ley1712.7.1")]["paths"][0] == "/information-instruments"


@pytest.fixture(scope="module")
def inder(reports):
    """INDERSANTANDER's Res. 3564 hub (tuning since its misses were published), crawled from it."""
    return _records(reports["inder"])


def test_numbered_bold_paragraphs_are_read_as_section_titles(inder):
    # «<p><strong>7. CONTRATACIÓN</strong></p>» followed by its «- Label: (Link aquí)» paragraphs
    rec = inder[("ley1712-res1519", "ley1712.3")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/transparencia.php", rec
    assert "CONTRATACIÓN" in rec["detail"], rec


def test_a_link_aqui_is_named_by_the_bold_label_before_it(inder):
    # «<strong>- Mapa de Procesos:</strong> (<a href=…pdf><em>Link aquí</em></a>)»
    rec = inder[("ley1712-res1519", "ley1712.1.3")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/calidad/calidad_mapaprocesos.pdf", rec
    # «<strong>- Plan Anual de Adquisiciones (PAA):</strong> (<a href=/contratos.php>Link aquí</a>)»
    rec = inder[("ley1712-res1519", "ley1712.3.1")]
    assert rec["status"] == "parcial" and rec["paths"][0] == "/contratos.php", rec


def test_an_audit_started_at_the_transparencia_hub_reads_it_as_the_menu(inder):
    # the crawl starts at /transparencia.php (the site's own menu is JavaScript): what the hub
    # links to is published under the Transparencia menu, not «fuera del menú»
    for item in ("ley1712.1.2", "ley1712.2.1", "ley1712.4.8"):
        rec = inder[("ley1712-res1519", item)]
        assert rec["status"] in ("cumple", "parcial"), rec
        assert "fuera del menú" not in rec["detail"], rec
    # /organigrama.php and /of_control.php only say «<title> del INDERSANTANDER.»: named and empty
    # (criterion E, H200's labels; the engine since H206, class 2061)
    for item in ("ley1712.1.2", "ley1712.4.8"):
        rec = inder[("ley1712-res1519", item)]
        assert rec["status"] == "parcial" and "solo repite su título" in rec["detail"], rec


def test_a_section_whose_entries_all_link_to_hash_publishes_nothing(reports):
    # hsvp: «8. Contratación» opens four entries, each «<a href="#">»: shown, not published
    # (no_cumple since the committee's criterion «Entradas sin nada detrás», H147; parcial before)
    rec = _records(reports["hsvp"])[("ley1712-res1519", "ley1712.3")]
    assert rec["status"] == "no_cumple", rec
    assert "«8. Contratación» de" in rec["detail"] and "a «#» o a la página misma: no publica nada" in rec["detail"], (
        rec
    )


@pytest.fixture(scope="module")
def hsvp(reports):
    """The hospital's Res. 3564 accordion hub, most entries linked to «#»."""
    return _records(reports["hsvp"])


@pytest.fixture(scope="module")
def movilidad(reports):
    """The Res. 1519 numbered menu (1.1 … 9.8) of Bogotá's Secretaría de Movilidad."""
    return _records(reports["movilidad"])


def test_old_res_3564_section_names_are_read_as_such(inder, hsvp):
    for recs in (inder, hsvp):
        # «1. Mecanismos de contacto» is Res. 3564's name for what Res. 1519 calls section 1
        rec = recs[("ley1712-res1519", "ley1712.1")]
        assert rec["status"] == "cumple" and rec["paths"][0] == "/transparencia.php", rec
        # «2. Información de interés (general)» is Res. 3564's section 2, not Res. 1519's section 8
        assert recs[("ley1712-res1519", "ley1712.8")]["status"] == "no_cumple"
    # «6. PRESUPUESTO» (Res. 3564 split planning and budget) is section 4's content. Its one entry opens
    # /presupuesto.php, which only says «<title> del INDERSANTANDER.»: since H211 (class 2112, criterion
    # E) the section is named and empty, «parcial», its name still in the detail; the label says
    # «cumple» (doubtful, left for a re-reading: docs/checklist-accuracy.md, «H211»)
    rec = inder[("ley1712-res1519", "ley1712.4")]
    assert rec["status"] in ("cumple", "parcial") and "PRESUPUESTO" in rec["detail"], rec


def test_the_anticorruption_plan_is_not_the_citizens_services_menu(inder):
    # «Plan Anticorrupción y Atención al Ciudadano 2019» (a PDF) names «atención al ciudadano»
    assert inder[("ley1712-res1519", "ley1712.atencion_ciudadania")]["status"] == "no_cumple"


def test_a_whole_section_points_to_the_hub_and_an_entry_to_its_own_page(inder, movilidad):
    # a section item: the hub's «4. NORMATIVIDAD» before the page «Normatividad» it leads to
    assert inder[("ley1712-res1519", "ley1712.2")]["paths"][0] == "/transparencia.php"
    assert movilidad[("ley1712-res1519", "ley1712.2")]["paths"][0] == "/web/transparencia"
    # an entry: the page the hub's section leads to, not the hub («6. Participa» → 6.6 …)
    assert movilidad[("gelt-2008", "democracia.participacion")]["paths"][0] == "/web/gestion_social"
    assert movilidad[("gelt-2008", "info.datos_abiertos")]["paths"][0] == "/web/node/1654"
    # even when the hub's section is numbered as the entry: «2.1. Normativa…» → 2.1.3 its page
    assert movilidad[("ley1712-res1519", "ley1712.2.1")]["paths"][0] == "/web/normatividad_aplicable"
    # every part found on the hub: the page the hub leads to first, not the hub itself
    rec = movilidad[("ley1712-res1519", "ley1712.7.2")]
    assert rec["status"] == "parcial" and rec["paths"][0] == "/web/node/1654", (
        rec
    )  # parcial: Bogotá portals, not datos.gov.co


def test_a_named_link_is_not_evidence_by_its_file_name(movilidad):
    # «Costos de reproducción…» → …/resolucion_pago_de_copias….pdf: the slug «pago» is no payment
    assert movilidad[("gelt-2008", "transaccion.pagos_en_linea")]["status"] == "no_cumple"
    # «Servicio al público, normas, formularios y protocolos de atención 2025».pdf: a manual, no form
    assert movilidad[("gelt-2008", "interaccion.formularios")]["status"] == "no_cumple"
    # an external system's own path still counts: colombiacompra.gov.co/documentos-tipo (3.5)
    rec = movilidad[("ley1712-res1519", "ley1712.3.5")]
    assert rec["status"] == "sin_verificar" and "documentos-tipo" in rec["paths"][0], rec


def test_a_hub_section_whose_own_entry_for_the_item_is_dead_is_not_evidence(hsvp):
    # «3. Estructura Orgánica y Recurso Humano» holds «4. Organigrama» → «#»
    for profile, item in (("gelt-2008", "info.organigrama"), ("ley1712-res1519", "ley1712.1.2")):
        assert hsvp[(profile, item)]["status"] == "no_cumple", hsvp[(profile, item)]
    # «4. Normatividad» with a dead «d. Normatividad interna» is still the section
    rec = hsvp[("ley1712-res1519", "ley1712.2")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/transparencia.php", rec


def test_a_hub_section_is_not_linked_from_the_header_because_the_hub_is(hsvp):
    # «12. Protección de Datos Personales» is a section of the hub the header links to
    rec = hsvp[("gelt-2008", "info.politica_privacidad")]
    assert rec["status"] == "parcial" and "no está enlazado desde" in rec["detail"], rec


def test_image_map_areas_are_links(inder):
    # the footer banner's <map><area href="http://estrategia.gobiernoenlinea.gov.co/">
    rec = inder[("gelt-2008", "info.enlace_pec")]
    # offline the link is still the item (criterion I's exception, rule option presence = "link")
    assert rec["status"] == "cumple" and "gobiernoenlinea" in rec["paths"][0], rec


def test_an_update_date_in_month_and_year_is_read(inder):
    # «<strong>Última Actualización:</strong> Febrero de 2019» on every page
    rec = inder[("gelt-2008", "info.fecha_actualizacion")]
    assert rec["status"] == "cumple", rec


def test_a_table_layout_footer_is_read_as_the_footer(inder):
    # no <footer>: the last table with «Todos los derechos reservados», address, hours and phone
    rec = inder[("ley1712-res1519", "ley1712.footer.contacto")]
    assert rec["status"] == "parcial", rec
    assert "correo institucional" in rec["detail"] and "dirección" not in rec["detail"], rec


def test_near_miss_names_common_to_every_entity_are_negative_vocabulary(hsvp):
    # the page «Decreto 612» holds the institutional plans of Decreto 612 de 2018: the plan de
    # acción's evidence (4.3), not the entity's norms (the hub's «4. Normatividad» is)
    plans = hsvp[("ley1712-res1519", "ley1712.4.3")]
    assert plans["status"] == "parcial" and plans["paths"][0] == "/decreto612.php", plans
    assert hsvp[("gelt-2008", "info.plan_desarrollo")]["paths"][0] == "/decreto612.php"
    for profile, item in (("gelt-2008", "info.normatividad"), ("ley1712-res1519", "ley1712.2.1")):
        assert hsvp[(profile, item)]["paths"][0] == "/transparencia.php", hsvp[(profile, item)]
    # «Información Asociación de Usuarios» (one association, the hospital's users') is no directory
    for profile, item in (("gelt-2008", "info.directorio_agremiaciones"), ("ley1712-res1519", "ley1712.1.7")):
        assert hsvp[(profile, item)]["status"] == "no_cumple", hsvp[(profile, item)]


def test_a_long_official_name_opening_a_label_names_the_item(movilidad):
    # «1.10. Mecanismo de presentación directa de solicitudes, quejas y reclamos a disposición del
    # público en relación con…» (Res. 1519's name and more): the item's entry, though its form is a 404,
    # which publishes nothing (no_cumple naming the entry since the committee's criterion, H147; the
    # label's «parcial» rests on text the rules do not find: docs/checklist-accuracy.md, «H147»)
    rec = movilidad[("ley1712-res1519", "ley1712.1.10")]
    assert rec["status"] == "no_cumple" and "«1.10. Mecanismo de presentación directa" in rec["detail"], rec
    assert "/radicacionwebsdm/formulario.php, que no existe (404)" in rec["detail"], rec
    rec = movilidad[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/web/sdqs", rec


def test_a_page_titled_for_something_else_is_not_evidence_by_its_address(movilidad):
    # /web/informacion_pqrs is titled «Informes mensuales sobre acceso a información, quejas y
    # reclamos»: the slug «pqrs» does not make it the PQRS mechanism
    for profile, item in (("ley1712-res1519", "ley1712.1.10"), ("gelt-2008", "interaccion.pqrsd")):
        assert "/web/informacion_pqrs" not in movilidad[(profile, item)]["paths"], movilidad[(profile, item)]


def test_common_variants_of_official_names_are_read(movilidad):
    # «1.5. Directorio de servidoras, servidores públicos, empleadas, empleados o contratistas»
    rec = movilidad[("ley1712-res1519", "ley1712.1.5")]
    assert rec["paths"][0] == "/web/funcionarios", rec
    rec = movilidad[("gelt-2008", "info.directorio_funcionarios")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/web/funcionarios", rec
    # «Información sobre decisiones que puede afectar al público» (the verb in the singular)
    rec = movilidad[("ley1712-res1519", "ley1712.1.12")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/web/historico_noticias", rec


def test_three_monthly_reports_make_the_quarter(movilidad):
    # «Informes mensuales sobre acceso a información, quejas y reclamos» with «Informe de PQRS
    # julio / agosto / septiembre de 2026»: the III quarter of 2026 is published
    rec = movilidad[("ley1712-res1519", "ley1712.4.10")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/web/informacion_pqrs", rec


def test_the_health_sector_participation_policy_is_participation(hsvp):
    # «Política Pública de Participación Social en Salud» (/pps.php), not its broken .xls first
    for profile, item in (("gelt-2008", "democracia.participacion"), ("ley1712-res1519", "ley1712.6.1")):
        rec = hsvp[(profile, item)]
        assert rec["status"] in ("cumple", "parcial") and rec["paths"][0] == "/pps.php", rec


def test_an_address_on_a_named_street_is_an_address(hsvp):
    # the footer's «CL Las Palmas # 12 - 120 Remedios, Antioquia»
    rec = hsvp[("gelt-2008", "info.contacto")]
    assert rec["status"] == "cumple", rec


def test_a_link_to_a_part_of_a_page_that_does_not_show_the_item_is_not_evidence(hsvp):
    # «4. Preguntas y respuestas frecuentes» → index.php#acor, whose questions are commented out
    rec = hsvp[("gelt-2008", "info.preguntas_frecuentes")]
    assert rec["status"] == "no_cumple", rec


def test_a_list_entry_with_a_sub_list_is_a_section(movilidad):
    # «<li><span>4.6.</span>Información pública y/o relevante.<ul><li><a>Estados financieros…»
    rec = movilidad[("ley1712-res1519", "ley1712.4.6")]
    assert rec["status"] == "cumple", rec


def test_calls_that_are_not_jobs_are_not_job_offers(hsvp, movilidad):
    # hsvp «3. Convocatorias» (board elections); movilidad «9.3. Convocatorias» (contests)
    assert hsvp[("gelt-2008", "info.empleo")]["status"] == "no_cumple"
    assert "/web/transparencia" not in movilidad[("gelt-2008", "info.empleo")]["paths"][:1]


def test_a_drop_down_opener_linked_to_hash_is_a_menu(hsvp):
    # the header's «<a href="#">Atención al Usuario</a><ul><li><a href="pqrsf.php">PQRSF</a>…»: the menu,
    # under a close name since H181 (criterion O: «parcial», the mandated name missing; it was «cumple»)
    rec = hsvp[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] == "parcial" and "el menú está con otro nombre" in rec["detail"], rec
    assert rec["paths"][0] == "/pqrsf.php", rec


def test_the_information_security_and_privacy_policy_is_a_privacy_policy(inder, movilidad):
    # «Políticas de Seguridad y Privacidad de la Información» (a PDF in the hub, not in the footer)
    rec = inder[("gelt-2008", "info.politica_privacidad")]
    assert rec["status"] == "parcial" and rec["paths"][0] == "/calidad/PoliticasTIC-2019.pdf", rec
    # «Manual y políticas de seguridad de la información» says nothing of privacy
    assert movilidad[("gelt-2008", "info.politica_privacidad")]["status"] == "no_cumple"


def test_a_broader_section_of_broken_entries_publishes_nothing_of_the_item(hsvp, putumayo):
    # hsvp «5. Presupuesto»: «#», «#» and a broken link; the budget is not published
    for profile, item in (("gelt-2008", "info.presupuesto"), ("ley1712-res1519", "ley1712.4.1")):
        assert hsvp[(profile, item)]["status"] == "no_cumple", hsvp[(profile, item)]
    # the item's own numbered heading whose only link is a 404 publishes nothing either (H147)
    assert putumayo[("ley1712-res1519", "ley1712.4.4")]["status"] == "no_cumple"


@pytest.fixture(scope="module")
def scores(reports):
    """Scores per part and profile, the sites found in each part, and the tuning groups' scores."""
    result: dict = {part: {} for part in measure.PARTS}
    parts: dict = {part: set() for part in measure.PARTS}
    groups: dict = {g: {p: measure.Score() for p in measure.PROFILES} for g in TUNING_GROUPS}
    for site in measure.sites():
        labels = measure.tomllib.loads((site / "labels.toml").read_text(encoding="utf-8"))
        parts.setdefault(labels["part"], set()).add(site.name)
        part = result.setdefault(labels["part"], {})
        for p in measure.PROFILES:
            part.setdefault(p, measure.Score())
        measure.score_site(labels, reports[site.name], part)
        for g, members in TUNING_GROUPS.items():
            if site.name in members:
                measure.score_site(labels, reports[site.name], groups[g])
    return result, parts, groups


def test_corpus_accuracy_stays_at_or_above_its_floor(scores):
    result, parts, groups = scores
    assert set(result) == {"tuning", "held-out"}
    # the held-out sites are exactly the ones named here: a site joins or leaves that part on purpose
    assert parts["held-out"] == HELD_OUT_SITES, parts
    # every tuning site is in exactly one floored group
    assert parts["tuning"] == set().union(*TUNING_GROUPS.values()), parts
    assert sum(len(m) for m in TUNING_GROUPS.values()) == len(parts["tuning"])
    assert set(result["held-out"]) == (set(measure.PROFILES) if HELD_OUT_SITES else set()), result["held-out"]
    for profile, score in result["held-out"].items():
        # every held-out profile is measured: items compared, some expected found, some evidence judged
        assert score.total > 0 and score.tp + score.fn > 0 and score.ev_judged > 0, (profile, score.as_dict())
    for (group, profile), floor in FLOOR.items():
        score = groups[group][profile]
        got = {"precision": score.precision, "recall": score.recall, "evidence": score.evidence}
        for key, value in floor.items():
            assert got[key] >= value - 0.0005, (group, profile, key, got, score.misses)
    six = groups["six"]["ley1712-res1519"]
    assert (six.na_ok, six.na_total) == (3, 3)
    fifth = groups["fifth"]["ley1712-res1519"]  # proposals a person would make, from the page
    assert fifth.na_total == FIFTH_NO_APLICA[1] and fifth.na_ok >= FIFTH_NO_APLICA[0], fifth.as_dict()
    sixth = [groups["sixth"][p] for p in measure.PROFILES]
    assert sum(s.na_total for s in sixth) == SIXTH_NO_APLICA[1] and sum(s.na_ok for s in sixth) >= SIXTH_NO_APLICA[0]
    ninth = [groups["ninth"][p] for p in measure.PROFILES]
    assert sum(s.na_total for s in ninth) == NINTH_NO_APLICA[1] and sum(s.na_ok for s in ninth) >= NINTH_NO_APLICA[0]
    twelfth_m = [groups["twelfth-m"][p] for p in measure.PROFILES]
    assert sum(s.na_total for s in twelfth_m) == TWELFTH_M_NO_APLICA[1]
    assert sum(s.na_ok for s in twelfth_m) >= TWELFTH_M_NO_APLICA[0]


@pytest.mark.parametrize(
    "profile",
    [
        pytest.param(
            p,
            marks=()
            if p in HELD_OUT_MEETS_TARGET
            else pytest.mark.xfail(strict=True, reason="held-out part below the issue-15 target"),
        )
        for p in measure.PROFILES
    ],
)
def test_held_out_part_against_the_issue_target(scores, profile, capsys):
    result, _, _ = scores
    if not HELD_OUT_SITES:
        pytest.skip("no held-out site: idcbis and curaduria2 became tuning material; new blind sites must join")
    score = result["held-out"][profile]
    got = {"precision": score.precision, "recall": score.recall, "evidence": score.evidence}
    with capsys.disabled():
        print(f"\nreserva {profile}: " + ", ".join(f"{k} {v:.3f}" for k, v in got.items()), score.as_dict())
    assert all(v >= HELD_OUT_TARGET for v in got.values()), (profile, got, score.misses)
