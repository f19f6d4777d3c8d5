#!/usr/bin/env python3
"""Build the labelled evaluation sets for the institution, field and degree resolvers.

    python tools/make_labelled_sets.py [--data ../shared/data] [--out tests/data] [--check-only]

Writes tests/data/institutions_labelled.csv, fields_labelled.csv, degrees_labelled.csv and
README.md.  Every row below is written by hand; this script only expands the compact notation,
checks each label against the upstream data and writes the CSV files.  It deliberately does
not import visarules and does not read src/visarules/data or src/visarules/resolve, so that
the sets stay independent of the resolvers they measure.

Checks (the script stops on any failure):
  institutions  every expected id exists in the ROR extract and is active; a country hint
                equals the record's country; no query is an exact name/alias/label/acronym of
                a different active record (within the hinted country) unless the row says so
                (``allow_other``); every negative_ambiguous string is shared by >= 2 records or
                is documented as ambiguous in its note; other negatives match no active record
                exactly; (query, country) pairs are unique.
  fields        the ISCED-F code exists; stem_isced_f is derived from the broad field (05, 06,
                07); the CIP 2020 code exists in the NCES list and stem_dhs is derived from the
                DHS STEM list 2024; queries are unique.
  degrees       levels are 5-8 or empty; queries are unique.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

Record = dict[str, Any]
Row = dict[str, str]

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------------------------
# Institutions
# --------------------------------------------------------------------------------------------
# Block header:  @<ROR id suffix> <expected primary name in the ROR extract>
# Row:           <cat> | <query> [| <country> [| <language> [| <note>]]]
#   cat:      ex exact_name, sf short_form, ac acronym, ll local_language,
#             cs chinese_simplified, ct chinese_traditional, pu punctuation, na no_accents,
#             ty typo, wo word_order
#   country:  empty = chosen by the script (about half the rows get the record's country),
#             XX = always this ISO2 hint, "-" = never a hint
#   language: default zh for cs/ct, en otherwise
# A note starting with "allow_other" accepts that the query also names another record exactly
# (the rest of the note says why the expected id is still the right answer).

CATS = {
    "ex": "exact_name",
    "sf": "short_form",
    "ac": "acronym",
    "ll": "local_language",
    "cs": "chinese_simplified",
    "ct": "chinese_traditional",
    "pu": "punctuation",
    "na": "no_accents",
    "ty": "typo",
    "wo": "word_order",
}

POSITIVES = """
# ---------------------------------------------------------------- United States
@042nb2s44 Massachusetts Institute of Technology
ex | Massachusetts Institute of Technology
ac | MIT | - | en | allow_other: also the acronym of Manukau IT (NZ), Melbourne IT (AU) and a Vietnamese university in ROR, none well known; MIT conventionally means Massachusetts
ac | MIT | US
pu | ＭＩＴ | - | en | allow_other: full-width letters; same acronym collision as MIT
wo | Technology, Massachusetts Institute of
ty | Massachusets Institute of Technology | | en | one letter missing
cs | 麻省理工学院
ct | 麻省理工學院
ll | Instituto Tecnológico de Massachusetts | | es
@00f54p054 Stanford University
ex | Stanford University
sf | Stanford | US
ty | Stanfrod University | | en | transposition
cs | 斯坦福大学
ct | 史丹佛大學 | | zh | Taiwan usage
pu | stanford university | | en | lower case
@03vek6s52 Harvard University
ex | Harvard University
sf | Harvard
ty | Havard University | | en | one letter missing
cs | 哈佛大学
pu | Harvard Univ.
@05dxps055 California Institute of Technology
ex | California Institute of Technology
sf | Caltech
pu | Calif. Inst. of Tech.
cs | 加州理工学院
@01an7q238 University of California, Berkeley
ex | University of California, Berkeley
sf | UC Berkeley
pu | Univ. of California - Berkeley
wo | Berkeley, University of California
cs | 加州大学伯克利分校
ll | Université de Californie à Berkeley | | fr
@00hx57361 Princeton University
ex | Princeton University
ty | Pricneton University | | en | transposition
cs | 普林斯顿大学
@03v76x132 Yale University
ex | Yale University
sf | Yale | US
ty | Yale Universty | | en | one letter missing
cs | 耶鲁大学
@00hj8s172 Columbia University
ex | Columbia University
ty | Colombia University | US | en | common misspelling
cs | 哥伦比亚大学
@024mw5h28 University of Chicago
ex | University of Chicago
sf | UChicago
wo | Chicago, University of
cs | 芝加哥大学
@00b30xv10 University of Pennsylvania
ex | University of Pennsylvania
sf | UPenn
ty | Univeristy of Pennsylvania | | en | transposition
cs | 宾夕法尼亚大学
@05bnh6r87 Cornell University
ex | Cornell University
ty | Cornel University | | en | one letter missing
cs | 康奈尔大学
@00za53h95 Johns Hopkins University
ex | Johns Hopkins University
sf | Johns Hopkins | US
ty | John Hopkins University | | en | common error (missing s)
cs | 约翰斯·霍普金斯大学
@046rm7j60 University of California, Los Angeles
ex | University of California, Los Angeles
ac | UCLA
pu | U.C.L.A.
cs | 加州大学洛杉矶分校
ll | Universidad de California en Los Ángeles | | es
@00jmfr291 University of Michigan
ex | University of Michigan
ex | University of Michigan–Ann Arbor
pu | University of Michigan - Ann Arbor | US
sf | UMich
cs | 密歇根大学
@05x2bcf33 Carnegie Mellon University
ex | Carnegie Mellon University
sf | Carnegie Mellon | US
ty | Carnegie Melon University | | en | one letter missing
cs | 卡内基梅隆大学
@00py81415 Duke University
ex | Duke University
ty | Duke Univeristy | | en | transposition
cs | 杜克大学
@000e0be47 Northwestern University
ex | Northwestern University | US | en | a Northwestern University in the Philippines has the same name; the country hint decides
@0190ak572 New York University
ex | New York University
ac | NYU
cs | 纽约大学
ll | Universidad de Nueva York | | es
@00cvxb145 University of Washington
ex | University of Washington | US
pu | Univ. of Washington | US
@0168r3w48 University of California San Diego
ex | University of California San Diego
pu | University of California, San Diego
sf | UC San Diego
ac | UCSD | US
@00hj54h04 The University of Texas at Austin
ex | The University of Texas at Austin
sf | University of Texas at Austin | | en | without "The"
sf | UT Austin
ll | Universidad de Texas en Austin | | es
@01zkghx44 Georgia Institute of Technology
ex | Georgia Institute of Technology
sf | Georgia Tech | | en | allow_other: also an alias of a Georgia Tech research institute (Brook Byers Institute) in ROR; the university is meant
cs | 佐治亚理工学院
@047426m28 University of Illinois Urbana-Champaign
ex | University of Illinois Urbana-Champaign
ac | UIUC
pu | Univ. of Illinois, Urbana-Champaign
cs | 伊利诺伊大学厄巴纳-香槟分校
@01y2jtd41 University of Wisconsin–Madison
ex | University of Wisconsin–Madison
pu | University of Wisconsin-Madison | | en | hyphen instead of en dash
sf | UW-Madison | US
@05gq02987 Brown University
ex | Brown University
cs | 布朗大学
@008zs3103 Rice University
ex | Rice University
ty | Rice Universty | US | en | one letter missing
@02dqehb95 Purdue University West Lafayette
ex | Purdue University West Lafayette
sf | Purdue University | | en | the main campus; Purdue's regional campuses carry their city in the name
sf | Purdue | US
@03taz7m60 University of Southern California
ex | University of Southern California
cs | 南加州大学
@05qwgg493 Boston University
ex | Boston University
cs | 波士顿大学
@0130frc33 University of North Carolina at Chapel Hill
ex | University of North Carolina at Chapel Hill
sf | UNC Chapel Hill
@043mz5j54 University of California, San Francisco
ex | University of California, San Francisco
ac | UCSF
@017zqws13 University of Minnesota
ex | University of Minnesota
wo | Minnesota, University of
@04p491231 Pennsylvania State University
ex | Pennsylvania State University
sf | Penn State
sf | The Pennsylvania State University | | en | with "The"
@00rs6vg23 The Ohio State University
ex | The Ohio State University
sf | Ohio State University | | en | without "The"
sf | Ohio State | US
@047s2c258 University of Maryland, College Park
ex | University of Maryland, College Park
pu | Univ. of Maryland, College Park
@02vm5rt34 Vanderbilt University
ex | Vanderbilt University
ty | Vanderbilt Univeristy | | en | transposition
@03czfpz43 Emory University
ex | Emory University
@049s0rh22 Dartmouth College
ex | Dartmouth College
@01yc7t268 Washington University in St. Louis
ex | Washington University in St. Louis
ac | WUSTL
pu | Washington University in Saint Louis
@05rrcem69 University of California, Davis
ex | University of California, Davis
sf | UC Davis
@04gyf1771 University of California, Irvine
ex | University of California, Irvine
sf | UC Irvine
@02t274463 University of California, Santa Barbara
ex | University of California, Santa Barbara
ac | UCSB
@02y3ad647 University of Florida
ex | University of Florida
@01f5ytq51 Texas A&M University
ex | Texas A&M University
ac | TAMU
pu | Texas A and M University
@03efmqc40 Arizona State University
ex | Arizona State University
ll | Universidad Estatal de Arizona | | es
@01an3r305 University of Pittsburgh
ex | University of Pittsburgh
@0420db125 Rockefeller University
ex | Rockefeller University
sf | The Rockefeller University | | en | with "The"
@05hs6h993 Michigan State University
ex | Michigan State University
@04t5xt781 Northeastern University
ex | Northeastern University | US | en | same name as Northeastern University (CN); the country hint decides
@01cwqze88 National Institutes of Health
ex | National Institutes of Health | US | en | same name as a Malaysian institute; the country hint decides
ac | NIH | US
@02jbv0t02 Lawrence Berkeley National Laboratory
ex | Lawrence Berkeley National Laboratory
sf | Berkeley Lab
ac | LBNL
@05gvnxz63 Argonne National Laboratory
ex | Argonne National Laboratory
@01e41cf67 Los Alamos National Laboratory
ex | Los Alamos National Laboratory
ac | LANL
@01qz5mb56 Oak Ridge National Laboratory
ex | Oak Ridge National Laboratory
ac | ORNL
# ---------------------------------------------------------------- Canada
@03dbr7087 University of Toronto
ex | University of Toronto
pu | U. of Toronto
ty | Univeristy of Toronto | CA | en | transposition
sf | UofT
wo | Toronto, University of
cs | 多伦多大学
ll | Université de Toronto | | fr
@01pxwe438 McGill University
ex | McGill University
ty | McGil University | | en | one letter missing
ll | Université McGill | | fr
cs | 麦吉尔大学
@03rmrcq20 University of British Columbia
ex | University of British Columbia
ac | UBC
cs | 英属哥伦比亚大学
@01aff2v68 University of Waterloo
ex | University of Waterloo
sf | UWaterloo
cs | 滑铁卢大学
@0160cpw27 University of Alberta
ex | University of Alberta
sf | UAlberta
@02fa3aq29 McMaster University
ex | McMaster University
@0161xgx34 Université de Montréal
ex | Université de Montréal | | fr
na | Universite de Montreal | | fr
ex | University of Montreal
ac | UdeM | CA | fr
@04mte1k06 National Research Council Canada
ex | National Research Council Canada
ll | Conseil national de recherches du Canada | | fr
# ---------------------------------------------------------------- United Kingdom and Ireland
@052gg0110 University of Oxford
ex | University of Oxford
sf | Oxford University
wo | Oxford, University of
ty | Univeristy of Oxford | | en | transposition
cs | 牛津大学
ct | 牛津大學
pu | UNIVERSITY OF OXFORD | | en | upper case
@013meh722 University of Cambridge
ex | University of Cambridge
sf | Cambridge University
ty | Univesity of Cambridge | | en | one letter missing
wo | Cambridge, University of
cs | 剑桥大学
ct | 劍橋大學
pu | university of cambridge | | en | lower case
@041kmwe10 Imperial College London
ex | Imperial College London
sf | Imperial College
ty | Imperial Colege London | | en | one letter missing
cs | 帝国理工学院
@02jx3x895 University College London
ex | University College London | | en | allow_other: also the name of the inactive record UCL Australia; only the active London record counts
ac | UCL | GB
pu | University College, London
cs | 伦敦大学学院
@0090zs177 London School of Economics and Political Science
ex | London School of Economics and Political Science
sf | London School of Economics
sf | The London School of Economics and Political Science | | en | with "The"
ac | LSE | GB
cs | 伦敦政治经济学院
@01nrxwf90 University of Edinburgh
ex | University of Edinburgh
sf | Edinburgh University
cs | 爱丁堡大学
@0220mzb33 King's College London
ex | King's College London
pu | Kings College London | | en | apostrophe missing
ac | KCL
@027m9bs27 University of Manchester
ex | University of Manchester
sf | The University of Manchester | | en | with "The"
ty | Univeristy of Manchester | | en | transposition
cs | 曼彻斯特大学
@0524sp257 University of Bristol
ex | University of Bristol
@01a77tt86 University of Warwick
ex | University of Warwick
sf | Warwick University
@00vtgdb53 University of Glasgow
ex | University of Glasgow
@03angcq70 University of Birmingham
ex | University of Birmingham | GB
@024mrxd33 University of Leeds
ex | University of Leeds
@01ryk1543 University of Southampton
ex | University of Southampton
@05krs5044 University of Sheffield
ex | University of Sheffield
@01v29qb04 Durham University
ex | Durham University
@01ee9ar58 University of Nottingham
ex | University of Nottingham
@02wn5qz54 University of St Andrews
ex | University of St Andrews
pu | University of St. Andrews
@026zzn846 Queen Mary University of London
ex | Queen Mary University of London
pu | Queen Mary, University of London
ac | QMUL
@03kk7td41 Cardiff University
ex | Cardiff University
ll | Prifysgol Caerdydd | | cy
@01kj2bm70 Newcastle University
ex | Newcastle University | GB | en | allow_other: also an alias of the University of Newcastle (AU); the country hint decides
@02tyrky19 Trinity College Dublin
ex | Trinity College Dublin
ac | TCD | IE
@05m7pjf47 University College Dublin
ex | University College Dublin
ac | UCD | IE
# ---------------------------------------------------------------- Germany: universities
@02kkvpp62 Technical University of Munich
ex | Technical University of Munich
ll | Technische Universität München | | de
na | Technische Universitat Munchen | | de
sf | TU München | | de
sf | TU Munich
ac | TUM | DE | de
cs | 慕尼黑工业大学
@05591te55 Ludwig-Maximilians-Universität München
ex | Ludwig-Maximilians-Universität München | | de
na | Ludwig-Maximilians-Universitat Munchen | | de
sf | LMU Munich
sf | Ludwig Maximilian University of Munich | | en | common English rendering
ac | LMU | DE | de
@038t36y30 Heidelberg University
ex | Heidelberg University
ll | Ruprecht-Karls-Universität Heidelberg | | de
ll | Universität Heidelberg | | de
sf | Uni Heidelberg | DE | de
cs | 海德堡大学
@01hcx6992 Humboldt-Universität zu Berlin
ex | Humboldt-Universität zu Berlin | | de
sf | Humboldt University of Berlin
na | Humboldt-Universitaet zu Berlin | | de | umlaut written as ae
sf | HU Berlin | | de
@046ak2485 Freie Universität Berlin
ex | Freie Universität Berlin | | de
sf | FU Berlin | | de
sf | Free University of Berlin
@03v4gjf40 Technische Universität Berlin
ex | Technische Universität Berlin | | de
sf | TU Berlin | | de
sf | Technical University of Berlin
@04xfq0f34 RWTH Aachen University
ex | RWTH Aachen University
ac | RWTH | | de
ll | Rheinisch-Westfälische Technische Hochschule Aachen | | de
sf | RWTH Aachen | | de
@04t3en479 Karlsruhe Institute of Technology
ex | Karlsruhe Institute of Technology
ac | KIT | DE | de
ll | Karlsruher Institut für Technologie | | de
@0245cg223 University of Freiburg
ex | University of Freiburg
ll | Albert-Ludwigs-Universität Freiburg | | de
@03a1kwz48 University of Tübingen
ex | University of Tübingen
na | University of Tubingen
ll | Eberhard Karls Universität Tübingen | | de
@01y9bpm73 University of Göttingen
ex | University of Göttingen
na | University of Goettingen | | en | umlaut written as oe
ll | Georg-August-Universität Göttingen | | de
@041nas322 University of Bonn
ex | University of Bonn
ll | Rheinische Friedrich-Wilhelms-Universität Bonn | | de
sf | Uni Bonn | DE | de
@042aqky30 Technische Universität Dresden
ex | Technische Universität Dresden | | de
sf | TU Dresden | | de
ex | TUD Dresden University of Technology
na | Technische Universitaet Dresden | | de | umlaut written as ae
@00g30e956 Universität Hamburg
ex | Universität Hamburg | | de
ex | University of Hamburg
@04vnq7t77 University of Stuttgart
ex | University of Stuttgart
ll | Universität Stuttgart | | de
@00rcxh774 University of Cologne
ex | University of Cologne
ll | Universität zu Köln | | de
na | Universitat zu Koln | | de
# ---------------------------------------------------------------- Germany: research organisations
@01hhn8329 Max Planck Society
ex | Max Planck Society
ll | Max-Planck-Gesellschaft | | de
ll | Max-Planck-Gesellschaft zur Förderung der Wissenschaften | | de
pu | Max Planck Gesellschaft | | de | no hyphen
ac | MPG | DE | de
cs | 马克斯·普朗克学会
@01vekys64 Max Planck Institute of Quantum Optics
ex | Max Planck Institute of Quantum Optics
ll | Max-Planck-Institut für Quantenoptik | | de
@04fq9j139 Max Planck Institute for Intelligent Systems
ex | Max Planck Institute for Intelligent Systems
sf | MPI for Intelligent Systems
ac | MPI-IS
@03taest98 Max Planck Institute for Plasma Physics
ex | Max Planck Institute for Plasma Physics
ll | Max-Planck-Institut für Plasmaphysik | | de
@05b8d3w18 Max Planck Institute of Molecular Cell Biology and Genetics
ex | Max Planck Institute of Molecular Cell Biology and Genetics
ac | MPI-CBG
@04py35477 Max Planck Institute of Biochemistry
ex | Max Planck Institute of Biochemistry
ll | Max-Planck-Institut für Biochemie | | de
@02f5b7n18 Max Planck Institute for Chemistry
ex | Max Planck Institute for Chemistry
@01vhnrs90 Max Planck Institute for Astronomy
ex | Max Planck Institute for Astronomy
ac | MPIA
@005bk2339 Max Planck Institute for Solid State Research
ex | Max Planck Institute for Solid State Research
ll | Max-Planck-Institut für Festkörperforschung | | de
@00ez2he07 Max Planck Institute for Mathematics in the Sciences
ex | Max Planck Institute for Mathematics in the Sciences
@017qcv467 Max Planck Institute for Astrophysics
ex | Max Planck Institute for Astrophysics
ll | Max-Planck-Institut für Astrophysik | | de
@02dh8ja68 Max Planck Institute for Mathematics
ex | Max Planck Institute for Mathematics
@0079jjr10 Max Planck Institute for Physics
ex | Max Planck Institute for Physics
@02pp7px91 Max Planck Institute for Human Development
ex | Max Planck Institute for Human Development
ll | Max-Planck-Institut für Bildungsforschung | | de
@03g267s60 Max Planck Institute for Biological Intelligence
ex | Max Planck Institute for Biological Intelligence
@02pe2kf23 Max Planck Institute for Software Systems
ex | Max Planck Institute for Software Systems
ac | MPI-SWS
@00sb7hc59 Max Planck Institute for Polymer Research
ex | Max Planck Institute for Polymer Research
@03av75f26 Max Planck Institute for Multidisciplinary Sciences
ex | Max Planck Institute for Multidisciplinary Sciences
@02jgyam08 Max Planck Institute for Demographic Research
ex | Max Planck Institute for Demographic Research
@052d0h423 Max Planck Institute for Nuclear Physics
ex | Max Planck Institute for Nuclear Physics
ll | Max-Planck-Institut für Kernphysik | | de
@04jvemc39 Max Planck Institute for Radio Astronomy
ex | Max Planck Institute for Radio Astronomy
@00671me87 Max Planck Institute for Psycholinguistics
ex | Max Planck Institute for Psycholinguistics
@01ngpvg12 Max-Planck-Institut für Nachhaltige Materialien
ex | Max Planck Institute for Sustainable Materials
ex | Max Planck Institute for Iron Research | | en | former name, kept as an alias
@00bj0r217 Max Planck Institute for Security and Privacy
ex | Max Planck Institute for Security and Privacy
@0165r2y73 Max Planck Institute for Heart and Lung Research
ex | Max Planck Institute for Heart and Lung Research
@05r7n9c40 Max Planck Institute for Terrestrial Microbiology
ex | Max Planck Institute for Terrestrial Microbiology
@0281dp749 Helmholtz Association of German Research Centres
ex | Helmholtz Association of German Research Centres
sf | Helmholtz Association
ll | Helmholtz-Gemeinschaft Deutscher Forschungszentren | | de | allow_other: the withdrawn record 031kbv921 carries the same label; only the active record counts
sf | Helmholtz-Gemeinschaft | | de
@02nv7yv05 Forschungszentrum Jülich
ex | Forschungszentrum Jülich | | de
na | Forschungszentrum Juelich | | de | umlaut written as ue
ex | Jülich Research Centre
@01js2sh04 Deutsches Elektronen-Synchrotron DESY
ex | Deutsches Elektronen-Synchrotron DESY | | de
ac | DESY | | de
@04bwf3e34 Deutsches Zentrum für Luft- und Raumfahrt e. V. (DLR)
ex | German Aerospace Center
ll | Deutsches Zentrum für Luft- und Raumfahrt | | de
ac | DLR | | de
@01zy2cs03 Helmholtz-Zentrum Dresden-Rossendorf
ex | Helmholtz-Zentrum Dresden-Rossendorf | | de
ac | HZDR | | de
@02k8cbn47 GSI Helmholtz Centre for Heavy Ion Research
ex | GSI Helmholtz Centre for Heavy Ion Research
@04cdgtt98 German Cancer Research Center
ex | German Cancer Research Center
ll | Deutsches Krebsforschungszentrum | | de
ac | DKFZ | | de
@03d0p2685 Helmholtz Centre for Infection Research
ex | Helmholtz Centre for Infection Research | | en | allow_other: also an alias of the withdrawn record 031kbv921; only the active record counts
@04p5ggc03 Max Delbrück Center
ex | Max Delbrück Center
na | Max Delbruck Center
@000h6jb29 Helmholtz Centre for Environmental Research
ex | Helmholtz Centre for Environmental Research
@05hkkdn48 Fraunhofer-Gesellschaft
ex | Fraunhofer-Gesellschaft | | de
ex | Fraunhofer Society
pu | Fraunhofer Gesellschaft | | de | no hyphen
@01n6r0e97 Leibniz Association
ex | Leibniz Association
ll | Leibniz-Gemeinschaft | | de
# ---------------------------------------------------------------- France
@02feahw73 Centre National de la Recherche Scientifique
ex | Centre National de la Recherche Scientifique | | fr
ex | French National Centre for Scientific Research
ac | CNRS | FR | fr
pu | centre national de la recherche scientifique | | fr | lower case
cs | 法国国家科学研究中心
@02en5vm52 Sorbonne Université
ex | Sorbonne Université | | fr
ex | Sorbonne University
na | Sorbonne Universite | | fr
@03xjwb503 Université Paris-Saclay
ex | Université Paris-Saclay | | fr
ex | University of Paris-Saclay
na | Universite Paris Saclay | | fr
@013cjyk83 Université Paris Sciences et Lettres
ex | Université Paris Sciences et Lettres | | fr
sf | PSL University
sf | Université PSL | | fr
ac | PSL | FR | fr
@05hy3tk52 École Polytechnique
ex | École Polytechnique | FR | fr
na | Ecole Polytechnique | FR | fr
@05f82e368 Université Paris Cité
ex | Université Paris Cité | | fr
na | Universite Paris Cite | | fr
@02rx3b187 Université Grenoble Alpes
ex | Université Grenoble Alpes | | fr
ex | Grenoble Alpes University
@035xkbk20 Aix-Marseille Université
ex | Aix-Marseille Université | | fr
ex | Aix-Marseille University
@00pg6eq24 Université de Strasbourg
ex | Université de Strasbourg | | fr
ex | University of Strasbourg
ll | Universität Straßburg | | de
@029brtt94 Université Claude Bernard Lyon 1
ex | Université Claude Bernard Lyon 1 | | fr
ac | UCBL | | fr
@05fe7ax82 Institut d'Etudes Politiques de Paris
ex | Institut d'Etudes Politiques de Paris | | fr
sf | Sciences Po | | fr
pu | Institut d’études politiques de Paris | | fr | curly apostrophe and accent
@00jjx8s55 Commissariat à l'Énergie Atomique et aux Énergies Alternatives
ex | Commissariat à l'Énergie Atomique et aux Énergies Alternatives | | fr
na | Commissariat a l'Energie Atomique et aux Energies Alternatives | | fr
ex | Atomic Energy and Alternative Energies Commission
ac | CEA | FR | fr
@02vjkv261 Inserm
ex | Inserm | | fr
ex | French Institute of Health and Medical Research
ll | Institut National de la Santé et de la Recherche Médicale | | fr
@003vg9w96 Institut National de Recherche pour l'Agriculture, l'Alimentation et l'Environnement
ac | INRAE | | fr
ex | National Research Institute for Agriculture, Food and Environment
@02kvxyf05 Institut national de recherche en sciences et technologies du numérique
ac | INRIA | | fr
sf | Inria | FR | fr
@0495fxg12 Institut Pasteur
ex | Institut Pasteur | | fr
ex | Pasteur Institute | FR
@0423jsj19 HEC Paris
ex | HEC Paris | | fr
@019tcpt25 CentraleSupélec
ex | CentraleSupélec | | fr
na | CentraleSupelec | | fr
# ---------------------------------------------------------------- Switzerland
@05a28rw58 ETH Zurich
ex | ETH Zurich
ll | ETH Zürich | | de
ll | Eidgenössische Technische Hochschule Zürich | | de
na | ETH Zuerich | | de | umlaut written as ue
ac | ETH | CH | de
sf | Swiss Federal Institute of Technology in Zurich
cs | 苏黎世联邦理工学院
@02s376052 École Polytechnique Fédérale de Lausanne
ex | École Polytechnique Fédérale de Lausanne | | fr
na | Ecole Polytechnique Federale de Lausanne | | fr
ac | EPFL | | fr
ex | Swiss Federal Institute of Technology in Lausanne
sf | EPF Lausanne | | fr
cs | 洛桑联邦理工学院
@02crff812 University of Zurich
ex | University of Zurich
ll | Universität Zürich | | de
na | Universitat Zurich | | de
ac | UZH | | de
@01swzsf04 University of Geneva
ex | University of Geneva
ll | Université de Genève | | fr
ac | UNIGE | CH | fr
@02s6k3f65 University of Basel
ex | University of Basel
ll | Universität Basel | | de
@02k7v4d05 University of Bern
ex | University of Bern
ll | Universität Bern | | de
ll | Université de Berne | | fr
@019whta54 University of Lausanne
ex | University of Lausanne
ll | Université de Lausanne | | fr
ac | UNIL | | fr
@03eh3y714 Paul Scherrer Institute
ex | Paul Scherrer Institute
ll | Paul Scherrer Institut | | de
ac | PSI | CH
@01ggx4157 European Organization for Nuclear Research
ex | European Organization for Nuclear Research
ac | CERN | | fr
ll | Organisation européenne pour la recherche nucléaire | | fr
cs | 欧洲核子研究中心
# ---------------------------------------------------------------- Benelux
@02e2c7k09 Delft University of Technology
ex | Delft University of Technology
sf | TU Delft
ll | Technische Universiteit Delft | | nl
cs | 代尔夫特理工大学
@04dkp9463 University of Amsterdam
ex | University of Amsterdam
ll | Universiteit van Amsterdam | | nl
ac | UvA | NL | nl
@027bh9e22 Leiden University
ex | Leiden University
ll | Universiteit Leiden | | nl
@04pp8hn57 Utrecht University
ex | Utrecht University
ll | Universiteit Utrecht | | nl
@02c2kyt77 Eindhoven University of Technology
ex | Eindhoven University of Technology
ac | TU/e | | nl
sf | TU Eindhoven
@04qw24q55 Wageningen University & Research
ex | Wageningen University & Research
pu | Wageningen University and Research
@012p63287 University of Groningen
ex | University of Groningen
ll | Rijksuniversiteit Groningen | | nl
@057w15z03 Erasmus University Rotterdam
ex | Erasmus University Rotterdam
ll | Erasmus Universiteit Rotterdam | | nl
@05f950310 KU Leuven
ex | KU Leuven
ll | Katholieke Universiteit Leuven | | nl
@00cv9y106 Ghent University
ex | Ghent University
ll | Universiteit Gent | | nl
sf | UGent | | nl
@02495e989 UCLouvain
ex | UCLouvain | | fr
ll | Université catholique de Louvain | | fr
ex | Catholic University of Louvain
# ---------------------------------------------------------------- Nordic countries and Austria
@056d84691 Karolinska Institutet
ex | Karolinska Institutet
sf | Karolinska Institute
sf | Karolinska | SE
@026vcq606 KTH Royal Institute of Technology
ex | KTH Royal Institute of Technology
ac | KTH | | sv
ll | Kungliga Tekniska högskolan | | sv
sf | Royal Institute of Technology | SE
@012a77v79 Lund University
ex | Lund University
ll | Lunds universitet | | sv
@048a87296 Uppsala University
ex | Uppsala University
ll | Uppsala universitet | | sv
@05f0yaq80 Stockholm University
ex | Stockholm University
@040wg7k59 Chalmers University of Technology
ex | Chalmers University of Technology
sf | Chalmers | SE
ll | Chalmers tekniska högskola | | sv
@035b05819 University of Copenhagen
ex | University of Copenhagen
ll | Københavns Universitet | | da
na | Kobenhavns Universitet | | da
ac | UCPH
@04qtj9h94 Technical University of Denmark
ex | Technical University of Denmark
ll | Danmarks Tekniske Universitet | | da
ac | DTU | DK | da
@01aj84f44 Aarhus University
ex | Aarhus University
ll | Aarhus Universitet | | da
@040af2s02 University of Helsinki
ex | University of Helsinki
ll | Helsingin yliopisto | | fi
@020hwjq30 Aalto University
ex | Aalto University
ll | Aalto-yliopisto | | fi
@01xtthb56 University of Oslo
ex | University of Oslo
ll | Universitetet i Oslo | | no
ac | UiO | | no
@05xg72x27 Norwegian University of Science and Technology
ex | Norwegian University of Science and Technology
ac | NTNU | NO | no
@03prydq77 University of Vienna
ex | University of Vienna
ll | Universität Wien | | de
@04d836q62 TU Wien
ex | TU Wien | | de
sf | Vienna University of Technology | | en | former English name
ll | Technische Universität Wien | | de
@03gnh5541 Institute of Science and Technology Austria
ex | Institute of Science and Technology Austria
ac | ISTA | AT
# ---------------------------------------------------------------- Southern Europe
@01nffqt88 Politecnico di Milano
ex | Politecnico di Milano | | it
ex | Polytechnic University of Milan
sf | Polimi | IT | it
@02be6w209 Sapienza University of Rome
ex | Sapienza University of Rome
ll | Sapienza Università di Roma | | it
na | Universita degli Studi di Roma La Sapienza | | it
@01111rn36 University of Bologna
ex | University of Bologna
ll | Alma Mater Studiorum - Università di Bologna | | it
ac | UNIBO | | it
@00240q980 University of Padua
ex | University of Padua
ll | Università degli Studi di Padova | | it
sf | University of Padova
@00wjc7c48 University of Milan
ex | University of Milan
ll | Università degli Studi di Milano | | it
@00bgk9508 Politecnico di Torino
ex | Politecnico di Torino | | it
ex | Polytechnic University of Turin
@03aydme10 Scuola Normale Superiore
ex | Scuola Normale Superiore | | it
sf | Scuola Normale Superiore di Pisa | | it
@03ad39j10 University of Pisa
ex | University of Pisa
ll | Università di Pisa | | it
@05290cv24 University of Naples Federico II
ex | University of Naples Federico II
ll | Università degli Studi di Napoli Federico II | | it
@05crjpb27 Bocconi University
ex | Bocconi University
sf | Università Bocconi | | it
@04zaypm56 National Research Council
ll | Consiglio Nazionale delle Ricerche | | it
ac | CNR | IT | it
@005ta0471 Istituto Nazionale di Fisica Nucleare
ex | Istituto Nazionale di Fisica Nucleare | | it
ac | INFN | | it
ex | National Institute for Nuclear Physics | IT
@021018s57 Universitat de Barcelona
ex | Universitat de Barcelona | | ca
ex | University of Barcelona
ll | Universidad de Barcelona | | es
@01cby8j38 Universidad Autónoma de Madrid
ex | Universidad Autónoma de Madrid | | es
ex | Autonomous University of Madrid
na | Universidad Autonoma de Madrid | | es
@02p0gd045 Universidad Complutense de Madrid
ex | Universidad Complutense de Madrid | | es
ex | Complutense University of Madrid
ac | UCM | ES | es
@052g8jq94 Universitat Autònoma de Barcelona
ex | Universitat Autònoma de Barcelona | | ca
ll | Universidad Autónoma de Barcelona | | es
ex | Autonomous University of Barcelona
@04n0g0b29 Universitat Pompeu Fabra
ex | Universitat Pompeu Fabra | | ca
ex | Pompeu Fabra University
@03mb6wj31 Universitat Politècnica de Catalunya
ex | Universitat Politècnica de Catalunya | | ca
ex | Polytechnic University of Catalonia
sf | BarcelonaTech
@03n6nwv02 Universidad Politécnica de Madrid
ex | Universidad Politécnica de Madrid | | es
ex | Technical University of Madrid
na | Universidad Politecnica de Madrid | | es
@043nxc105 Universitat de València
ex | University of Valencia
ll | Universitat de València | | ca
@02gfc7t72 Consejo Superior de Investigaciones Científicas
ex | Consejo Superior de Investigaciones Científicas | | es
ex | Spanish National Research Council
ac | CSIC | | es
@01c27hj86 University of Lisbon
ex | University of Lisbon
ll | Universidade de Lisboa | | pt
@043pwc612 Universidade do Porto
ex | Universidade do Porto | | pt
ex | University of Porto
pu | U.Porto | | pt
@04z8k9a98 University of Coimbra
ex | University of Coimbra
ll | Universidade de Coimbra | | pt
@04gnjpq42 National and Kapodistrian University of Athens
ex | National and Kapodistrian University of Athens
ll | Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών | | el
# ---------------------------------------------------------------- Central and Eastern Europe, Russia
@039bjqg32 University of Warsaw
ex | University of Warsaw
ll | Uniwersytet Warszawski | | pl
@03bqmcz70 Jagiellonian University
ex | Jagiellonian University
ll | Uniwersytet Jagielloński | | pl
na | Uniwersytet Jagiellonski | | pl
@00y0xnp53 Warsaw University of Technology
ex | Warsaw University of Technology
ll | Politechnika Warszawska | | pl
@024d6js02 Charles University
ex | Charles University
ll | Univerzita Karlova | | cs
sf | Charles University in Prague
@01jsq2704 Eötvös Loránd University
ex | Eötvös Loránd University
na | Eotvos Lorand University
ac | ELTE | | hu
ll | Eötvös Loránd Tudományegyetem | | hu
@010pmpe69 Lomonosov Moscow State University
ex | Lomonosov Moscow State University
sf | Moscow State University
ll | Московский государственный университет имени М.В. Ломоносова | | ru
ac | МГУ | | ru
cs | 莫斯科国立大学
@00v0z9322 Moscow Institute of Physics and Technology
ex | Moscow Institute of Physics and Technology
ll | Московский физико-технический институт | | ru
ac | MIPT
@055f7t516 National Research University Higher School of Economics
ex | National Research University Higher School of Economics
sf | HSE University
sf | Higher School of Economics
ll | Высшая школа экономики | | ru
ac | HSE | RU
@04t2ss102 Novosibirsk State University
ex | Novosibirsk State University
ll | Новосибирский государственный университет | | ru
@05qrfxd25 Russian Academy of Sciences
ex | Russian Academy of Sciences
ll | Российская академия наук | | ru
ac | RAS | RU
@04txgxn49 ITMO University
ex | ITMO University
# ---------------------------------------------------------------- Turkey, Israel, Middle East
@014weej12 Middle East Technical University
ex | Middle East Technical University
ac | METU | TR
ll | Orta Doğu Teknik Üniversitesi | | tr
ac | ODTÜ | | tr
@03z9tma90 Boğaziçi University
ex | Boğaziçi University
na | Bogazici University
ll | Boğaziçi Üniversitesi | | tr
@00jzwgz36 Koç University
ex | Koç University
na | Koc University | TR
@0316ej306 Weizmann Institute of Science
ex | Weizmann Institute of Science
sf | Weizmann Institute
ll | מכון ויצמן למדע | | he
@03qryx823 Technion – Israel Institute of Technology
ex | Technion – Israel Institute of Technology
pu | Technion - Israel Institute of Technology | | en | hyphen instead of en dash
sf | Technion
@03qxff017 Hebrew University of Jerusalem
ex | Hebrew University of Jerusalem
sf | The Hebrew University of Jerusalem | | en | with "The"
ac | HUJI
@04mhzgx49 Tel Aviv University
ex | Tel Aviv University
pu | Tel-Aviv University
ac | TAU | IL
@01q3tbs38 King Abdullah University of Science and Technology
ex | King Abdullah University of Science and Technology
ac | KAUST
ll | جامعة الملك عبد الله للعلوم والتقنية | | ar
@02ma4wv74 King Abdulaziz University
ex | King Abdulaziz University
ll | جامعة الملك عبد العزيز | | ar
@02f81g417 King Saud University
ex | King Saud University
ty | King Saud Univeristy | SA | en | transposition
@05hffr360 Khalifa University of Science and Technology
ex | Khalifa University of Science and Technology
sf | Khalifa University
@04pznsd21 American University of Beirut
ex | American University of Beirut
ac | AUB | LB
@0176yqn58 American University in Cairo
ex | American University in Cairo
ac | AUC | EG
ll | الجامعة الأمريكية بالقاهرة | | ar
# ---------------------------------------------------------------- Hong Kong, Macao, Taiwan
@02zhqgq86 University of Hong Kong
ex | University of Hong Kong
sf | The University of Hong Kong | | en | with "The"
sf | Hong Kong University
ac | HKU | HK
ct | 香港大學
cs | 香港大学
@00t33hh48 Chinese University of Hong Kong
ex | Chinese University of Hong Kong
sf | The Chinese University of Hong Kong | | en | with "The"
ac | CUHK
ct | 香港中文大學
cs | 香港中文大学
@00q4vv597 Hong Kong University of Science and Technology
ex | Hong Kong University of Science and Technology
ac | HKUST | HK
ct | 香港科技大學
cs | 香港科技大学
@0030zas98 Hong Kong Polytechnic University
ex | Hong Kong Polytechnic University
sf | The Hong Kong Polytechnic University | | en | with "The"
sf | PolyU
ct | 香港理工大學
cs | 香港理工大学
@03q8dnn23 City University of Hong Kong
ex | City University of Hong Kong
ct | 香港城市大學
@05bqach95 National Taiwan University
ex | National Taiwan University
ct | 國立臺灣大學
ct | 國立台灣大學 | | zh | variant character 台
cs | 台湾大学
ac | NTU | TW
@00se2k293 National Yang Ming Chiao Tung University
ex | National Yang Ming Chiao Tung University
ac | NYCU
ct | 國立陽明交通大學
@01r4q9n85 University of Macau
ex | University of Macau
ll | Universidade de Macau | | pt
ct | 澳門大學
cs | 澳门大学
# ---------------------------------------------------------------- Japan
@057zh3y96 The University of Tokyo
ex | The University of Tokyo
sf | University of Tokyo | | en | without "The"
sf | Tokyo University
pu | Univ. of Tokyo
ll | 東京大学 | | ja
cs | 东京大学
ct | 東京大學
sf | Todai | JP
sf | UTokyo
ty | Universty of Tokyo | | en | one letter missing
wo | Tokyo, The University of
@02kpeqv85 Kyoto University
ex | Kyoto University
ll | 京都大学 | | ja | identical to the simplified Chinese spelling
pu | Kyoto Univ.
ty | Kyoto Univresity | | en | transposition
ct | 京都大學
@035t8zc32 The University of Osaka
ex | The University of Osaka
sf | Osaka University | | en | former official English name, kept as an alias
ll | 大阪大学 | | ja
@01dq60k83 Tohoku University
ex | Tohoku University
ll | 東北大学 | | ja | Japanese spelling (東 + 学); the Chinese Northeastern University is 东北大学 / 東北大學
@04chrp450 Nagoya University
ex | Nagoya University
ll | 名古屋大学 | | ja
@00p4k0j84 Kyushu University
ex | Kyushu University
ll | 九州大学 | | ja
@02kn6nx58 Keio University
ex | Keio University
ll | 慶應義塾大学 | | ja
sf | Keio | JP
@00ntfnx83 Waseda University
ex | Waseda University
ll | 早稲田大学 | | ja
@02qg15b79 Okinawa Institute of Science and Technology Graduate University
ex | Okinawa Institute of Science and Technology Graduate University
sf | Okinawa Institute of Science and Technology
ac | OIST
@02956yf07 University of Tsukuba
ex | University of Tsukuba
ll | 筑波大学 | | ja
@03tgsfw79 Kobe University
ex | Kobe University
@03t78wx29 Hiroshima University
ex | Hiroshima University
@01sjwvz98 RIKEN
ex | RIKEN
ll | 理化学研究所 | | ja
pu | Riken | | en | mixed case
ex | Institute of Physical and Chemical Research
@026v1ze26 National Institute for Materials Science
ex | National Institute for Materials Science
ac | NIMS | JP
@01g5y5k24 High Energy Accelerator Research Organization
ex | High Energy Accelerator Research Organization
ac | KEK
@059qg2m13 Japan Agency for Marine-Earth Science and Technology
ex | Japan Agency for Marine-Earth Science and Technology
ac | JAMSTEC
# ---------------------------------------------------------------- Korea
@04h9pn542 Seoul National University
ex | Seoul National University
ac | SNU | KR
ll | 서울대학교 | | ko
ty | Seoul Natinal University | | en | one letter missing
cs | 首尔大学
@05apxxy63 Korea Advanced Institute of Science and Technology
ex | Korea Advanced Institute of Science and Technology
ac | KAIST
ll | 한국과학기술원 | | ko
pu | K.A.I.S.T.
@01wjejq96 Yonsei University
ex | Yonsei University
ll | 연세대학교 | | ko
@047dqcg40 Korea University
ex | Korea University | KR
ll | 고려대학교 | | ko
pu | Korea Univ. | KR
@04xysgw12 Pohang University of Science and Technology
ex | Pohang University of Science and Technology
ac | POSTECH
ll | 포항공과대학교 | | ko
@04q78tk20 Sungkyunkwan University
ex | Sungkyunkwan University
ac | SKKU
ll | 성균관대학교 | | ko
@046865y68 Hanyang University
ex | Hanyang University
ll | 한양대학교 | | ko
@017cjz748 Ulsan National Institute of Science and Technology
ex | Ulsan National Institute of Science and Technology
ac | UNIST
@05kzfa883 Korea Institute of Science and Technology
ex | Korea Institute of Science and Technology
ac | KIST | KR
# ---------------------------------------------------------------- Singapore
@01tgyzw49 National University of Singapore
ex | National University of Singapore
ac | NUS | SG
ac | NUS | - | en | allow_other: also the acronym of Iran's Technical and Vocational University in ROR, which is not well known; NUS conventionally means Singapore
cs | 新加坡国立大学
ct | 新加坡國立大學
ty | National Univerity of Singapore | | en | one letter missing
@02e7b5302 Nanyang Technological University
ex | Nanyang Technological University
ac | NTU | SG
sf | NTU Singapore
cs | 南洋理工大学
ty | Nanyang Technological Univeristy | | en | transposition
ll | Universiti Teknologi Nanyang | | ms
@036wvzt09 Agency for Science, Technology and Research
ex | Agency for Science, Technology and Research
ac | A*STAR
@050qmg959 Singapore Management University
ex | Singapore Management University
ac | SMU | SG
# ---------------------------------------------------------------- India
@02qyf5152 Indian Institute of Technology Bombay
ex | Indian Institute of Technology Bombay
sf | IIT Bombay
ac | IITB
pu | IIT-Bombay
pu | Indian Institute of Technology, Bombay
ty | Indian Insitute of Technology Bombay | | en | one letter missing
@049tgcd06 Indian Institute of Technology Delhi
ex | Indian Institute of Technology Delhi
sf | IIT Delhi
ac | IITD | IN
pu | I.I.T. Delhi
@03v0r5n49 Indian Institute of Technology Madras
ex | Indian Institute of Technology Madras
sf | IIT Madras
@05pjsgx75 Indian Institute of Technology Kanpur
ex | Indian Institute of Technology Kanpur
sf | IIT Kanpur
ac | IITK
@03w5sq511 Indian Institute of Technology Kharagpur
ex | Indian Institute of Technology Kharagpur
sf | IIT Kharagpur
ac | IIT KGP
@0022nd079 Indian Institute of Technology Guwahati
ex | Indian Institute of Technology Guwahati
sf | IIT Guwahati
@04dese585 Indian Institute of Science Bangalore
ex | Indian Institute of Science Bangalore
sf | Indian Institute of Science
ac | IISc
sf | IISc Bangalore
wo | Science, Indian Institute of
@04gzb2213 University of Delhi
ex | University of Delhi
sf | Delhi University
@0567v8t28 Jawaharlal Nehru University
ex | Jawaharlal Nehru University
ac | JNU | IN
@001p3jz28 Birla Institute of Technology and Science, Pilani
ex | Birla Institute of Technology and Science, Pilani
sf | BITS Pilani
pu | Birla Institute of Technology & Science Pilani
@03ht1xw27 Tata Institute of Fundamental Research
ex | Tata Institute of Fundamental Research
ac | TIFR
@02egcpy68 Indian Institute of Management Ahmedabad
ex | Indian Institute of Management Ahmedabad
sf | IIM Ahmedabad
ac | IIMA
@05f11g639 International Institute of Information Technology, Hyderabad
ex | International Institute of Information Technology, Hyderabad
sf | IIIT Hyderabad
@04cdn2797 Banaras Hindu University
ex | Banaras Hindu University
ac | BHU | IN
@00qzypv28 Vellore Institute of Technology University
sf | Vellore Institute of Technology
@01qhf1r47 Anna University, Chennai
ex | Anna University, Chennai
sf | Anna University | IN
@021wm7p51 Council of Scientific and Industrial Research
ex | Council of Scientific and Industrial Research | IN | en | Ghana and South Africa have a "Council for Scientific and Industrial Research"; the country hint decides
ac | CSIR | IN
# ---------------------------------------------------------------- South-East and South Asia
@00rzspn62 University of Malaya
ex | University of Malaya | | en | allow_other: also a historical alias of the National University of Singapore; the primary name of the Malaysian university wins
ll | Universiti Malaya | | ms
@00bw8d226 National University of Malaysia
ex | National University of Malaysia
ll | Universiti Kebangsaan Malaysia | | ms
ac | UKM
@028wp3y58 Chulalongkorn University
ex | Chulalongkorn University
ll | จุฬาลงกรณ์มหาวิทยาลัย | | th
@01znkr924 Mahidol University
ex | Mahidol University
ll | มหาวิทยาลัยมหิดล | | th
@0116zj450 University of Indonesia
ex | University of Indonesia
ll | Universitas Indonesia | | id
ac | UI | ID
@00apj8t60 Bandung Institute of Technology
ex | Bandung Institute of Technology
ll | Institut Teknologi Bandung | | id
ac | ITB | ID
@02jmfj006 Vietnam National University, Hanoi
ex | Vietnam National University, Hanoi
ll | Đại học Quốc gia Hà Nội | | vi
na | Dai hoc Quoc gia Ha Noi | | vi
@04nyv3z04 Hanoi University of Science and Technology
ex | Hanoi University of Science and Technology
ll | Trường Đại học Bách khoa Hà Nội | | vi
@05b5x4a35 Lahore University of Management Sciences
ex | Lahore University of Management Sciences
ac | LUMS
@03w2j5y17 National University of Sciences and Technology
ex | National University of Sciences and Technology | PK
ac | NUST | PK
@05wv2vq37 University of Dhaka
ex | University of Dhaka
sf | Dhaka University
ll | ঢাকা বিশ্ববিদ্যালয় | | bn
# ---------------------------------------------------------------- Oceania
@01ej9dk98 The University of Melbourne
ex | The University of Melbourne
sf | University of Melbourne | | en | without "The"
sf | Melbourne University
ty | Univeristy of Melbourne | | en | transposition
cs | 墨尔本大学
@0384j8v12 The University of Sydney
ex | The University of Sydney
sf | University of Sydney | | en | without "The"
ac | USYD
cs | 悉尼大学
@019wvm592 Australian National University
ex | Australian National University
ac | ANU | AU
sf | The Australian National University | | en | with "The"
cs | 澳大利亚国立大学
@00rqy9422 The University of Queensland
ex | The University of Queensland
sf | University of Queensland | | en | without "The"
ac | UQ | AU
@03r8z3t63 UNSW Sydney
ex | UNSW Sydney
sf | University of New South Wales
ac | UNSW
cs | 新南威尔士大学
@02bfwt286 Monash University
ex | Monash University
ty | Monash Univeristy | AU | en | transposition
cs | 莫纳什大学
@047272k79 The University of Western Australia
ex | The University of Western Australia
ac | UWA
@03b94tp07 University of Auckland
ex | University of Auckland
ll | Waipapa Taumata Rau | | mi
@01jmxt844 University of Otago
ex | University of Otago
@03qn8fb07 Commonwealth Scientific and Industrial Research Organisation
ex | Commonwealth Scientific and Industrial Research Organisation
ac | CSIRO
ty | Commonwealth Scientific and Industrial Research Organization | | en | US spelling
# ---------------------------------------------------------------- Africa
@03p74gp79 University of Cape Town
ex | University of Cape Town
ac | UCT | ZA
ll | Universiteit van Kaapstad | | af
ty | Univercity of Cape Town | | en | one letter substituted
@03rp50x72 University of the Witwatersrand
ex | University of the Witwatersrand
sf | Wits University
sf | University of Witwatersrand | | en | without "the"
@05bk57929 Stellenbosch University
ex | Stellenbosch University
ll | Universiteit Stellenbosch | | af
@00g0p6g84 University of Pretoria
ex | University of Pretoria
ll | Universiteit van Pretoria | | af
@02y9nww90 University of Nairobi
ex | University of Nairobi
ll | Chuo Kikuu cha Nairobi | | sw
@03dmz0111 Makerere University
ex | Makerere University
@05rk03822 University of Lagos
ex | University of Lagos
ac | UNILAG
@03wx2rr30 University of Ibadan
ex | University of Ibadan
@01r22mr83 University of Ghana
ex | University of Ghana
pu | University of Ghana, Legon | | en | with the campus name
@038b8e254 Addis Ababa University
ex | Addis Ababa University
@00r8w8f84 Mohammed V University
ex | Mohammed V University
ll | Université Mohammed V de Rabat | | fr
# ---------------------------------------------------------------- Latin America
@036rp1748 Universidade de São Paulo
ex | Universidade de São Paulo | | pt
na | Universidade de Sao Paulo | | pt
ex | University of São Paulo
na | University of Sao Paulo
ac | USP | BR | pt
@04wffgt70 Universidade Estadual de Campinas (UNICAMP)
ex | Universidade Estadual de Campinas | | pt
sf | State University of Campinas
ac | UNICAMP | | pt
@03490as77 Universidade Federal do Rio de Janeiro
ex | Universidade Federal do Rio de Janeiro | | pt
ex | Federal University of Rio de Janeiro
ac | UFRJ | | pt
@00987cb86 Universidade Estadual Paulista (Unesp)
ex | Universidade Estadual Paulista | | pt
ex | São Paulo State University
ac | UNESP | | pt
@01tmp8f25 Universidad Nacional Autónoma de México
ex | Universidad Nacional Autónoma de México | | es
na | Universidad Nacional Autonoma de Mexico | | es
ex | National Autonomous University of Mexico
ac | UNAM | MX | es
@03ayjn504 Tecnológico de Monterrey
ex | Tecnológico de Monterrey | | es
sf | Tec de Monterrey | | es
ll | Instituto Tecnológico y de Estudios Superiores de Monterrey | | es
ac | ITESM | | es
@0081fs513 Universidad de Buenos Aires
ex | Universidad de Buenos Aires | | es
ex | University of Buenos Aires
ac | UBA | AR | es
@04teye511 Pontificia Universidad Católica de Chile
ex | Pontificia Universidad Católica de Chile | | es
ex | Pontifical Catholic University of Chile
sf | PUC Chile | | es
na | Pontificia Universidad Catolica de Chile | | es
@047gc3g35 University of Chile
ex | University of Chile
ll | Universidad de Chile | | es
@059yx9a68 Universidad Nacional de Colombia
ex | Universidad Nacional de Colombia | | es
ex | National University of Colombia
ac | UNAL | | es
@02mhbdp94 Universidad de Los Andes
ex | Universidad de Los Andes | CO | es | same name as the University of the Andes (VE) and a Chilean university; the country hint decides
sf | Uniandes | | es
@00013q465 Pontificia Universidad Católica del Perú
ex | Pontificia Universidad Católica del Perú | | es
ac | PUCP | | es
@030bbe882 Universidad de la República de Uruguay
ex | Universidad de la República | UY | es
@059sp8j34 Instituto Politécnico Nacional
ex | Instituto Politécnico Nacional | MX | es
ex | National Polytechnic Institute | MX
# ---------------------------------------------------------------- Mainland China: C9 and other 985 universities
@03cve4549 Tsinghua University
ex | Tsinghua University
cs | 清华大学
ct | 清華大學
ac | THU | CN
ty | Tsinghau University | | en | transposition
pu | Tsinghua Univ.
pu | Ｔｓｉｎｇｈｕａ Ｕｎｉｖｅｒｓｉｔｙ | | en | full-width letters
sf | Tsinghua
pu | TSINGHUA UNIVERSITY | | en | upper case
@02v51f717 Peking University
ex | Peking University
cs | 北京大学
ct | 北京大學
ac | PKU
sf | Beijing University | | en | literal translation of 北京大学, common on CVs
ty | Peking Univeristy | | en | transposition
cs | 北大 | CN | zh | common abbreviation
sf | Peking U
@00a2xv884 Zhejiang University
ex | Zhejiang University
cs | 浙江大学
ct | 浙江大學
ac | ZJU
ty | Zhejang University | | en | one letter missing
@0220qvk04 Shanghai Jiao Tong University
ex | Shanghai Jiao Tong University
cs | 上海交通大学
ct | 上海交通大學
ac | SJTU
pu | Shanghai Jiaotong University | | en | no space
ty | Shanghai Jiao Tong Univeristy | | en | transposition
@013q1eq08 Fudan University
ex | Fudan University
cs | 复旦大学
ct | 復旦大學
ty | Fudan Univesity | | en | one letter missing
sf | Fudan | CN
@04c4dkn09 University of Science and Technology of China
ex | University of Science and Technology of China
cs | 中国科学技术大学
ct | 中國科學技術大學
ac | USTC | CN
ac | USTC | - | en | allow_other: also the acronym of the University of Science and Technology Chittagong (BD), which is not well known; USTC conventionally means the Hefei university
@01rxvg760 Nanjing University
ex | Nanjing University
cs | 南京大学
ct | 南京大學
ac | NJU | CN
@033vjfk17 Wuhan University
ex | Wuhan University
cs | 武汉大学
ct | 武漢大學
ac | WHU | CN
@00p991c53 Huazhong University of Science and Technology
ex | Huazhong University of Science and Technology
cs | 华中科技大学
ct | 華中科技大學
ty | Huazhong Univesity of Science and Technology | | en | one letter missing
@0064kty71 Sun Yat-sen University
ex | Sun Yat-sen University
cs | 中山大学
pu | Sun Yat Sen University
sf | Zhongshan University | | en | former English name (pinyin of 中山大学)
@01yqg2h08 Harbin Institute of Technology
ex | Harbin Institute of Technology
cs | 哈尔滨工业大学
ct | 哈爾濱工業大學
ac | HIT | CN
pu | Harbin Inst. of Tech.
@017zhmm22 Xi'an Jiaotong University
ex | Xi'an Jiaotong University
cs | 西安交通大学
ct | 西安交通大學
pu | Xian Jiaotong University | | en | apostrophe missing
pu | Xi’an Jiaotong University | | en | curly apostrophe
ac | XJTU
@022k4wk35 Beijing Normal University
ex | Beijing Normal University
cs | 北京师范大学
ct | 北京師範大學
ac | BNU | CN
@041pakw92 Renmin University of China
ex | Renmin University of China
cs | 中国人民大学
ct | 中國人民大學
ac | RUC | CN
sf | Renmin University
@01y1kjr75 Nankai University
ex | Nankai University
cs | 南开大学
ct | 南開大學
@012tb2g32 Tianjin University
ex | Tianjin University
cs | 天津大学
ac | TJU | CN
@03rc6as71 Tongji University
ex | Tongji University
cs | 同济大学
ct | 同濟大學
ll | Tongji-Universität | | de
@00wk2mp56 Beihang University
ex | Beihang University
cs | 北京航空航天大学
ac | BUAA
sf | Beijing University of Aeronautics and Astronautics | | en | former English name
@01skt4w74 Beijing Institute of Technology
ex | Beijing Institute of Technology
cs | 北京理工大学
ac | BIT | CN
@011ashp19 Sichuan University
ex | Sichuan University
cs | 四川大学
ct | 四川大學
@0207yh398 Shandong University
ex | Shandong University
cs | 山东大学
ac | SDU | CN
@00mcjh785 Xiamen University
ex | Xiamen University
cs | 厦门大学
ct | 廈門大學
@00f1zfq44 Central South University
ex | Central South University
cs | 中南大学
ac | CSU | CN
@00js3aw79 Jilin University
ex | Jilin University
cs | 吉林大学
@04ct4d772 Southeast University
ex | Southeast University | CN
cs | 东南大学
@023hj5876 Dalian University of Technology
ex | Dalian University of Technology
cs | 大连理工大学
@0530pts50 South China University of Technology
ex | South China University of Technology
cs | 华南理工大学
ac | SCUT
@01y0j0j86 Northwestern Polytechnical University
ex | Northwestern Polytechnical University
cs | 西北工业大学
ac | NWPU
@05htk5m33 Hunan University
ex | Hunan University
cs | 湖南大学
@023rhb549 Chongqing University
ex | Chongqing University
cs | 重庆大学
ct | 重慶大學
@01mkqqe32 Lanzhou University
ex | Lanzhou University
cs | 兰州大学
@02n96ep67 East China Normal University
ex | East China Normal University
cs | 华东师范大学
ac | ECNU
@04v3ywz14 China Agricultural University
ex | China Agricultural University
cs | 中国农业大学
@04rdtx186 Ocean University of China
ex | Ocean University of China
cs | 中国海洋大学
@05d2yfz11 National University of Defense Technology
ex | National University of Defense Technology
cs | 国防科技大学 | | zh | common short form of 中国人民解放军国防科学技术大学
ac | NUDT
@03awzbc87 Northeastern University
ex | Northeastern University | CN | en | same name as Northeastern University (US); the country hint decides
cs | 东北大学
ct | 東北大學 | CN | zh | traditional form; differs from Tohoku's Japanese 東北大学 by 學
@0044e2g62 Minzu University of China
ex | Minzu University of China
cs | 中央民族大学
@0051rme32 Northwest A&F University
ex | Northwest A&F University
cs | 西北农林科技大学
# ---------------------------------------------------------------- Mainland China: other Double First-Class universities
@04qr3zq92 University of Electronic Science and Technology of China
ex | University of Electronic Science and Technology of China
cs | 电子科技大学
ct | 電子科技大學
ac | UESTC
@05s92vm98 Xidian University
ex | Xidian University
cs | 西安电子科技大学
@04w9fbh59 Beijing University of Posts and Telecommunications
ex | Beijing University of Posts and Telecommunications
cs | 北京邮电大学
ac | BUPT
@049tv2d57 Southern University of Science and Technology
ex | Southern University of Science and Technology
ac | SUSTech
cs | 南方科技大学
@030bhh786 ShanghaiTech University
ex | ShanghaiTech University
cs | 上海科技大学
@05hfa4n20 Westlake University
ex | Westlake University
cs | 西湖大学
@05qbk4x57 University of Chinese Academy of Sciences
ex | University of Chinese Academy of Sciences
ac | UCAS | CN
cs | 中国科学院大学
ct | 中國科學院大學
@01vyrm377 East China University of Science and Technology
ex | East China University of Science and Technology
cs | 华东理工大学
@035psfh38 Donghua University
ex | Donghua University
cs | 东华大学
@05t8y2r12 Soochow University
ex | Soochow University | CN | en | Taiwan's Soochow University (東吳大學) has the same English name
cs | 苏州大学
@01scyh794 Nanjing University of Aeronautics and Astronautics
ex | Nanjing University of Aeronautics and Astronautics
ac | NUAA
cs | 南京航空航天大学
@00xp9wg62 Nanjing University of Science and Technology
ex | Nanjing University of Science and Technology
cs | 南京理工大学
@01yj56c84 Beijing Jiaotong University
ex | Beijing Jiaotong University
cs | 北京交通大学
ac | BJTU
@02egmk993 University of Science and Technology Beijing
ex | University of Science and Technology Beijing
cs | 北京科技大学
@006teas31 Shanghai University
ex | Shanghai University
cs | 上海大学
@00wtvfq62 Shanghai University of Finance and Economics
ex | Shanghai University of Finance and Economics
cs | 上海财经大学
ac | SUFE
@04ypx8c21 Zhengzhou University
ex | Zhengzhou University
cs | 郑州大学
@0040axw97 Yunnan University
ex | Yunnan University
cs | 云南大学
@04yqxxq63 Zhongnan University of Economics and Law
ex | Zhongnan University of Economics and Law
cs | 中南财经政法大学
@008e3hf02 Central University of Finance and Economics
ex | Central University of Finance and Economics
cs | 中央财经大学
@00jdr0662 Beijing Foreign Studies University
ex | Beijing Foreign Studies University
cs | 北京外国语大学
@02czkny70 Hefei University of Technology
ex | Hefei University of Technology
cs | 合肥工业大学
@02xe5ns62 Jinan University
ex | Jinan University | CN | en | a Lebanese Jinan University has the same English name; the country hint decides
cs | 暨南大学
@023b72294 Huazhong Agricultural University
ex | Huazhong Agricultural University
cs | 华中农业大学
@05td3s095 Nanjing Agricultural University
ex | Nanjing Agricultural University
cs | 南京农业大学
@04xv2pc41 Beijing Forestry University
ex | Beijing Forestry University
@01xt2dr21 China University of Mining and Technology
ex | China University of Mining and Technology
cs | 中国矿业大学
@03x80pn82 Harbin Engineering University
ex | Harbin Engineering University
cs | 哈尔滨工程大学
@00hn7w693 Southwest Jiaotong University
ex | Southwest Jiaotong University
cs | 西南交通大学
@03fe7t173 Wuhan University of Technology
ex | Wuhan University of Technology
cs | 武汉理工大学
@04q6c7p66 China University of Geosciences (Beijing)
ex | China University of Geosciences (Beijing)
cs | 中国地质大学（北京） | | zh | full-width parentheses
pu | China University of Geosciences, Beijing
@04facbs33 Communication University of China
ex | Communication University of China
cs | 中国传媒大学
@01vy4gh70 Shenzhen University
ex | Shenzhen University
cs | 深圳大学
@01kj4z117 Southwest University
ex | Southwest University | CN
cs | 西南大学
@02y0rxk19 Nanjing University of Information Science and Technology
ex | Nanjing University of Information Science and Technology
ac | NUIST
@0106qb496 Inner Mongolia University
ex | Inner Mongolia University
cs | 内蒙古大学
@059gw8r13 Xinjiang University
ex | Xinjiang University
@03q648j11 Hainan University
ex | Hainan University
cs | 海南大学
@02c9qn167 Guangxi University
ex | Guangxi University
cs | 广西大学
@003xyzq10 Henan University
ex | Henan University
cs | 河南大学
@01pxc4g62 Central Conservatory of Music
ex | Central Conservatory of Music
cs | 中央音乐学院
@050h0vm43 The Hong Kong University of Science and Technology (Guangzhou)
ex | The Hong Kong University of Science and Technology (Guangzhou)
cs | 香港科技大学（广州） | | zh | full-width parentheses
# ---------------------------------------------------------------- China: national research organisations
@034t30j35 Chinese Academy of Sciences
ex | Chinese Academy of Sciences
cs | 中国科学院
ct | 中國科學院
ac | CAS | CN
wo | Academy of Sciences, Chinese
ty | Chinese Academy of Science | | en | singular
cs | 中科院 | CN | zh | common abbreviation
@05cvf7v30 Institute of Physics
sf | Institute of Physics, Chinese Academy of Sciences
cs | 中国科学院物理研究所
@0090r4d87 Institute of Computing Technology
ex | Institute of Computing Technology | CN
cs | 中国科学院计算技术研究所
@01y3hvq34 Shanghai Institute of Organic Chemistry
ex | Shanghai Institute of Organic Chemistry
cs | 中国科学院上海有机化学研究所
@00prkya54 Dalian Institute of Chemical Physics
ex | Dalian Institute of Chemical Physics
cs | 大连化学物理研究所
ac | DICP
@02jkmyk67 Academy of Mathematics and Systems Science
ex | Academy of Mathematics and Systems Science
cs | 中国科学院数学与系统科学研究院
@03v8tnc06 Institute of High Energy Physics
ex | Institute of High Energy Physics | CN
cs | 中国科学院高能物理研究所
@05bxbmy32 Chinese Academy of Social Sciences
ex | Chinese Academy of Social Sciences
cs | 中国社会科学院
ac | CASS
@0313jb750 Chinese Academy of Agricultural Sciences
ex | Chinese Academy of Agricultural Sciences
cs | 中国农业科学院
@02drdmm93 Chinese Academy of Medical Sciences & Peking Union Medical College
sf | Peking Union Medical College
cs | 北京协和医学院
sf | Chinese Academy of Medical Sciences
"""

POSITIVES += r"""
# ---------------------------------------------------------------- more hard variants
# typos (one or two character edits)
@024mw5h28 University of Chicago
ty | Univeristy of Chicago | | en | transposition
@046rm7j60 University of California, Los Angeles
ty | Univerity of California, Los Angeles | | en | one letter missing
@01an7q238 University of California, Berkeley
ty | University of Califronia, Berkeley | | en | transposition
@05dxps055 California Institute of Technology
ty | California Insitute of Technology | | en | one letter missing
wo | Technology, California Institute of
@0190ak572 New York University
ty | New Yrok University | | en | transposition
@01zkghx44 Georgia Institute of Technology
ty | Georgia Insitute of Technology | | en | one letter missing
@047426m28 University of Illinois Urbana-Champaign
ty | University of Ilinois Urbana-Champaign | | en | one letter missing
@01yc7t268 Washington University in St. Louis
ty | Washington Univeristy in St. Louis | | en | transposition
@0090zs177 London School of Economics and Political Science
ty | London School of Econmics and Political Science | | en | one letter missing
wo | Economics and Political Science, London School of
@01nrxwf90 University of Edinburgh
ty | Univeristy of Edinburgh | | en | transposition
wo | Edinburgh, University of
@02kkvpp62 Technical University of Munich
ty | Technical Univesity of Munich | | en | one letter missing
wo | Munich, Technical University of
@05a28rw58 ETH Zurich
ty | ETH Zurcih | | en | transposition
pu | ETH-Zürich | | de | hyphen
@02s376052 École Polytechnique Fédérale de Lausanne
ty | Ecole Polytechnique Federale de Lausane | | fr | one letter missing, no accents
@038t36y30 Heidelberg University
ty | Heidelberg Univeristy | | en | transposition
@01hhn8329 Max Planck Society
ty | Max Plank Society | | en | common misspelling of Planck
@04fq9j139 Max Planck Institute for Intelligent Systems
ty | Max Plank Institute for Intelligent Systems | | en | common misspelling of Planck
@02feahw73 Centre National de la Recherche Scientifique
ty | Centre National de la Recherche Scientifque | | fr | one letter missing
@02e2c7k09 Delft University of Technology
ty | Delft Univeristy of Technology | | en | transposition
@056d84691 Karolinska Institutet
ty | Karolinksa Institutet | | en | transposition
@026vcq606 KTH Royal Institute of Technology
ty | KTH Royal Insitute of Technology | | en | one letter missing
@05apxxy63 Korea Advanced Institute of Science and Technology
ty | Korea Advanced Institue of Science and Technology | | en | one letter missing
@049tgcd06 Indian Institute of Technology Delhi
ty | Indian Institue of Technology Delhi | | en | one letter missing
@03v0r5n49 Indian Institute of Technology Madras
ty | Indian Institute of Techology Madras | | en | one letter missing
@04dese585 Indian Institute of Science Bangalore
ty | Indian Insitute of Science | | en | one letter missing
@0384j8v12 The University of Sydney
ty | Univeristy of Sydney | | en | transposition
wo | Sydney, University of
@04c4dkn09 University of Science and Technology of China
ty | University of Sceince and Technology of China | | en | transposition
wo | Science and Technology of China, University of
@01rxvg760 Nanjing University
ty | Nanjing Univeristy | | en | transposition
@033vjfk17 Wuhan University
ty | Wuhan Univesity | | en | one letter missing
@01yqg2h08 Harbin Institute of Technology
ty | Harbin Insitute of Technology | | en | one letter missing
@017zhmm22 Xi'an Jiaotong University
ty | Xi'an Jiatong University | | en | one letter missing
@022k4wk35 Beijing Normal University
ty | Beijing Normal Univeristy | | en | transposition
@041pakw92 Renmin University of China
ty | Renmin Univeristy of China | | en | transposition
@03rc6as71 Tongji University
ty | Tongji Univeristy | | en | transposition
@00wk2mp56 Beihang University
ty | Beihang Univeristy | | en | transposition
@011ashp19 Sichuan University
ty | Sichuan Univeristy | | en | transposition
@00mcjh785 Xiamen University
ty | Xiamen Univeristy | | en | transposition
@034t30j35 Chinese Academy of Sciences
ty | Chinese Acadamy of Sciences | | en | one letter substituted
wo | Sciences, Chinese Academy of
@036rp1748 Universidade de São Paulo
ty | Universidade de São Paolo | | pt | common misspelling
pu | Univ. of Sao Paulo | | en | abbreviation, no accents
@01tmp8f25 Universidad Nacional Autónoma de México
ty | Universidad Nacional Autónoma de Méxcio | | es | transposition
wo | Mexico, National Autonomous University of
@02zhqgq86 University of Hong Kong
ty | Univeristy of Hong Kong | | en | transposition
wo | Hong Kong, University of
@00t33hh48 Chinese University of Hong Kong
ty | Chinese Univeristy of Hong Kong | | en | transposition
@010pmpe69 Lomonosov Moscow State University
ty | Lomonosov Moscow State Univeristy | | en | transposition
@0316ej306 Weizmann Institute of Science
ty | Weizman Institute of Science | | en | one letter missing
@01q3tbs38 King Abdullah University of Science and Technology
ty | King Abdulla University of Science and Technology | | en | one letter missing
# word order (library-catalogue inversions)
@00jmfr291 University of Michigan
wo | Michigan, University of
@00b30xv10 University of Pennsylvania
wo | Pennsylvania, University of
@00cvxb145 University of Washington
wo | Washington, University of | US
@01ej9dk98 The University of Melbourne
wo | Melbourne, University of
@02qyf5152 Indian Institute of Technology Bombay
wo | Bombay, Indian Institute of Technology
@02crff812 University of Zurich
wo | Zurich, University of
@04dkp9463 University of Amsterdam
wo | Amsterdam, University of
@035b05819 University of Copenhagen
wo | Copenhagen, University of
@03p74gp79 University of Cape Town
wo | Cape Town, University of
@01tgyzw49 National University of Singapore
wo | Singapore, National University of
# punctuation, case, abbreviations
@052gg0110 University of Oxford
pu | Univ. of Oxford
@013meh722 University of Cambridge
pu | Univ of Cambridge | | en | abbreviation without dot
@00f54p054 Stanford University
pu | Stanford Univ
@042nb2s44 Massachusetts Institute of Technology
pu | M.I.T. | US | en | dotted acronym
pu | Mass. Inst. of Tech.
@01an7q238 University of California, Berkeley
pu | U.C. Berkeley
pu | UC-Berkeley
@03cve4549 Tsinghua University
pu | Tsinghua University, Beijing | | en | city appended
@02v51f717 Peking University
pu | Peking University (PKU) | | en | acronym in brackets
@00za53h95 Johns Hopkins University
pu | Johns-Hopkins-University | | en | hyphens
@03xjwb503 Université Paris-Saclay
pu | Univ. Paris-Saclay | | fr | abbreviation
@04t3en479 Karlsruhe Institute of Technology
pu | Karlsruhe Inst. of Technology
@04h9pn542 Seoul National University
pu | Seoul Nat'l Univ.
@05bqach95 National Taiwan University
pu | Natl. Taiwan Univ.
@01tgyzw49 National University of Singapore
pu | Nat. Univ. of Singapore
@02qyf5152 Indian Institute of Technology Bombay
pu | IIT Bombay, Mumbai | | en | city appended
@0161xgx34 Université de Montréal
pu | UNIVERSITÉ DE MONTRÉAL | | fr | upper case
@0220qvk04 Shanghai Jiao Tong University
pu | Shanghai Jiao Tong Univ.
@00a2xv884 Zhejiang University
pu | Zhejiang Univ
@013q1eq08 Fudan University
pu | Fudan Univ., Shanghai | | en | abbreviation, city appended
# missing accents
@052g8jq94 Universitat Autònoma de Barcelona
na | Universitat Autonoma de Barcelona | | ca
@03mb6wj31 Universitat Politècnica de Catalunya
na | Universitat Politecnica de Catalunya | | ca
@03ayjn504 Tecnológico de Monterrey
na | Tecnologico de Monterrey | | es
@02rx3b187 Université Grenoble Alpes
na | Universite Grenoble Alpes | | fr
@00pg6eq24 Université de Strasbourg
na | Universite de Strasbourg | | fr
@03prydq77 University of Vienna
na | Universitat Wien | | de
@00013q465 Pontificia Universidad Católica del Perú
na | Pontificia Universidad Catolica del Peru | | es
@046ak2485 Freie Universität Berlin
na | Freie Universitat Berlin | | de
@03v4gjf40 Technische Universität Berlin
na | Technische Universitat Berlin | | de
@01hcx6992 Humboldt-Universität zu Berlin
na | Humboldt-Universitat zu Berlin | | de
# traditional Chinese
@012tb2g32 Tianjin University
ct | 天津大學
@00wk2mp56 Beihang University
ct | 北京航空航天大學
@01skt4w74 Beijing Institute of Technology
ct | 北京理工大學
@0207yh398 Shandong University
ct | 山東大學
@00f1zfq44 Central South University
ct | 中南大學
@00js3aw79 Jilin University
ct | 吉林大學
@04ct4d772 Southeast University
ct | 東南大學
@023hj5876 Dalian University of Technology
ct | 大連理工大學
@0530pts50 South China University of Technology
ct | 華南理工大學
@01y0j0j86 Northwestern Polytechnical University
ct | 西北工業大學
@05htk5m33 Hunan University
ct | 湖南大學
@01mkqqe32 Lanzhou University
ct | 蘭州大學
@02n96ep67 East China Normal University
ct | 華東師範大學
@04v3ywz14 China Agricultural University
ct | 中國農業大學
@04rdtx186 Ocean University of China
ct | 中國海洋大學
@05bxbmy32 Chinese Academy of Social Sciences
ct | 中國社會科學院
@03vek6s52 Harvard University
ct | 哈佛大學
@00f54p054 Stanford University
ct | 斯坦福大學 | | zh | mainland transliteration in traditional script
@041kmwe10 Imperial College London
ct | 帝國理工學院
@01an7q238 University of California, Berkeley
ct | 加州大學柏克萊分校 | | zh | Taiwan/Hong Kong transliteration
"""


# Negatives: (category, query, country, language, note).  Built in code because several
# contain whitespace or control characters that the notation above cannot carry.
NEG_FICTIONAL = [
    ("University of Westbridge Heights", "GB", "en"),
    ("University of Westbridge Heights", "", "en"),
    ("Oakhollow State University", "US", "en"),
    ("Marrowfield Institute of Technology", "", "en"),
    ("Brinecastle College of Engineering", "", "en"),
    ("Thornwick Vale University", "GB", "en"),
    ("Quillmarsh Polytechnic", "", "en"),
    ("Zentropolis University of Applied Sciences", "", "en"),
    ("Veltharion Institute for Advanced Study", "", "en"),
    ("Royal Academy of Lunar Sciences", "", "en"),
    ("Pacifica Global University of Innovation", "", "en"),
    ("Saint Aldric University", "", "en"),
    ("Kingsmere University of Science and Technology", "", "en"),
    ("Eastvale Polytechnic University", "", "en"),
    ("Northbrook Institute of Advanced Technology", "", "en"),
    ("Silverfen Medical College", "IN", "en"),
    ("Duskmoor School of Economics", "", "en"),
    ("Larkspur Bay University", "AU", "en"),
    ("Hogwarts School of Witchcraft and Wizardry", "", "en"),
    ("Starfleet Academy", "", "en"),
    ("Miskatonic University", "US", "en"),
    ("Wakanda University of Technology", "", "en"),
    ("University of Xandrivel", "", "en"),
    ("Universität Nebelhausen", "DE", "de"),
    ("Technische Hochschule Wolkenfels", "", "de"),
    ("Université de Brumeval-sur-Loire", "FR", "fr"),
    ("École Supérieure d'Ingénieurs de Ventaroche", "", "fr"),
    ("Universidad Tecnológica de Sierra Lumbre", "", "es"),
    ("Universidad Autónoma de Valdeniebla", "MX", "es"),
    ("Universidade Federal de Campo Estrelado", "BR", "pt"),
    ("Università degli Studi di Valnebbia", "IT", "it"),
    ("北京未来星辰大学", "", "zh"),
    ("东海明月科技大学", "CN", "zh"),
    ("青云岭师范大学", "", "zh"),
    ("星河未来科学大学", "", "ja"),
    ("한빛별과학기술원", "", "ko"),
    ("Московский университет звёздных технологий", "", "ru"),
    ("Korvendale Institute of Technology", "", "en"),
]

NEG_COMPANY = [
    ("Infosys", "", "en", ""),
    ("Infosys Limited", "IN", "en", ""),
    ("Tata Consultancy Services", "", "en", ""),
    ("Acme Software Inc", "", "en", ""),
    ("Acme Software Inc.", "US", "en", ""),
    ("Google LLC", "", "en", ""),
    ("Microsoft Corporation", "US", "en", ""),
    ("Amazon Web Services", "", "en", ""),
    ("Huawei Technologies Co., Ltd.", "", "en", ""),
    ("阿里巴巴集团", "", "zh", "Alibaba Group"),
    ("腾讯科技", "CN", "zh", "Tencent"),
    ("字节跳动", "", "zh", "ByteDance"),
    ("Siemens AG", "DE", "de", ""),
    ("Deloitte", "", "en", ""),
    ("McKinsey & Company", "", "en", ""),
    ("Accenture", "", "en", ""),
    ("Samsung Electronics", "KR", "en", ""),
    ("トヨタ自動車", "", "ja", "Toyota Motor Corporation"),
    ("Goldman Sachs", "", "en", ""),
    ("Wipro Limited", "", "en", ""),
    ("Foxconn", "", "en", ""),
    ("SAP SE", "", "de", ""),
    ("Robert Bosch GmbH", "", "de", ""),
    ("Coursera", "", "en", "online course platform, not an institution"),
    ("Udemy", "", "en", "online course platform, not an institution"),
]

NEG_GENERIC = [
    ("University", "", "en", ""),
    ("university", "", "en", "lower case"),
    ("Institute of Technology", "", "en", ""),
    ("College", "", "en", ""),
    ("Graduate School", "", "en", ""),
    ("School of Engineering", "", "en", ""),
    ("Faculty of Science", "", "en", ""),
    ("Department of Computer Science", "", "en", ""),
    ("State University", "", "en", ""),
    ("Technical University", "", "en", ""),
    ("Polytechnic", "", "en", ""),
    ("Community College", "", "en", ""),
    ("Medical School", "", "en", ""),
    ("Business School", "", "en", ""),
    ("Research Institute", "", "en", ""),
    ("Academy of Sciences", "", "en", ""),
    ("Universidad", "", "es", ""),
    ("Université", "", "fr", ""),
    ("Universität", "", "de", ""),
    ("Università", "", "it", ""),
    ("Universidade", "", "pt", ""),
    ("大学", "", "zh", "means 'university'"),
    ("學院", "", "zh", "means 'college'"),
    ("研究所", "", "zh", "means 'research institute'"),
    ("大学院", "", "ja", "means 'graduate school'"),
    ("대학교", "", "ko", "means 'university'"),
    ("Университет", "", "ru", "means 'university'"),
    ("High School", "", "en", ""),
    ("Online", "", "en", ""),
    ("Self-taught", "", "en", ""),
    ("Self-employed", "", "en", ""),
    ("Boston", "", "en", "city name"),
    ("Beijing", "", "en", "city name"),
    ("Paris", "", "fr", "city name"),
    ("München", "", "de", "city name"),
    ("Tokyo", "", "en", "city name"),
    ("São Paulo", "", "pt", "city name"),
    ("Shanghai", "CN", "en", "city name"),
    ("Mumbai", "", "en", "city name"),
    ("Lagos", "", "en", "city name"),
    ("北京", "", "zh", "city name"),
    ("Москва", "", "ru", "city name"),
    ("John Smith", "", "en", "person name"),
    ("Albert Einstein", "", "en", "person name"),
    ("张伟", "", "zh", "person name"),
    ("Priya Sharma", "IN", "en", "person name"),
    ("Max Mustermann", "", "de", "person name"),
    ("Jean Dupont", "", "fr", "person name"),
    ("山田太郎", "", "ja", "person name"),
    ("María García López", "", "es", "person name"),
]

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. "
)
NEG_GARBAGE = [
    (" ", "", "und", "single space"),
    ("   ", "", "und", "spaces only"),
    ("-", "", "und", ""),
    ("", "", "und", "empty string"),
    ("N/A", "", "und", ""),
    ("n/a", "", "und", ""),
    ("none", "", "und", ""),
    ("null", "", "und", ""),
    ("???", "", "und", ""),
    ("...", "", "und", ""),
    ("asdfghjkl", "", "und", "keyboard mash"),
    ("qwertyuiop", "", "und", "keyboard mash"),
    ("1234567890", "", "und", "digits"),
    ("12/05/2019", "", "und", "a date"),
    ("lorem ipsum dolor sit amet", "", "la", ""),
    ((LOREM * 40)[:3000], "", "la", "3000-character string"),
    ("🎓" * 750, "", "und", "3000 bytes of emoji"),
    ("\x01\x02\x03", "", "und", "control characters"),
    ("\t\n\r", "", "und", "tab, newline, carriage return"),
    ("\x1b[31mRED\x1b[0m", "", "und", "ANSI escape sequence"),
    ("\x07\x7f", "", "und", "bell and delete characters"),
    ("\u200b", "", "und", "zero-width space"),
    ("\u202eytisrevinU", "", "und", "right-to-left override"),
    ("\ufeff", "", "und", "byte-order mark"),
    ("🎓", "", "und", "emoji"),
    ("🏫🎓📚", "", "und", "emoji"),
    ("😀 university 😀", "", "en", "emoji around a generic word"),
    ("大学 Université Университет", "", "und", "mixed scripts, generic words"),
    ("ΑΒΓ 大学 xyz", "", "und", "mixed scripts"),
    ("'; DROP TABLE institutions; --", "", "und", "SQL injection"),
    ("<script>alert('x')</script>", "", "und", "HTML"),
    ("${jndi:ldap://example.invalid/a}", "", "und", "template injection"),
    ("%s%s%s%n", "", "und", "format string"),
    ("../../etc/passwd", "", "und", "path"),
    ("https://example.com", "", "und", "URL"),
    ("john.doe@example.com", "", "und", "e-mail address"),
    ("undefined", "", "und", ""),
    ("[object Object]", "", "und", ""),
    ("{}", "", "und", ""),
    ("0", "", "und", ""),
]

# Ambiguous strings: never given a country (the country would resolve most of them).
NEG_AMBIGUOUS = [
    (
        "NTU",
        "Nanyang Technological University (SG) and National Taiwan University (TW); also Nottingham Trent (GB)",
    ),
    ("UCD", "University College Dublin (IE) and University of California, Davis (US)"),
    (
        "UW",
        "University of Washington, University of Wisconsin–Madison, University of Waterloo, University of Warsaw",
    ),
    (
        "MSU",
        "Lomonosov Moscow State University (RU) and Michigan State University (US), among others",
    ),
    ("NEU", "Northeastern University (US) and Northeastern University (CN)"),
    (
        "USC",
        "University of Southern California, University of South Carolina, Universidade de Santiago de Compostela",
    ),
    (
        "UT",
        "University of Tokyo, University of Texas, University of Tartu, Université de Toulouse, among others",
    ),
    ("LMU", "Ludwig-Maximilians-Universität München (DE) and Loyola Marymount University (US)"),
    ("DTU", "Technical University of Denmark (DK) and Delhi Technological University (IN)"),
    ("UNAM", "Universidad Nacional Autónoma de México (MX) and University of Namibia (NA)"),
    ("USP", "Universidade de São Paulo (BR) and University of the South Pacific (FJ)"),
    ("CAS", "Chinese Academy of Sciences (CN) and Czech Academy of Sciences (CZ)"),
    (
        "UM",
        "University of Michigan, University of Malaya, University of Macau, University of Münster, among others",
    ),
    (
        "CU",
        "Columbia University, Cornell University, University of Colorado, University of Calcutta, among others",
    ),
    (
        "UC",
        "University of California (system), University of Chicago, University of Cincinnati, among others",
    ),
    ("UCB", "University of California, Berkeley and University of Colorado Boulder (both US)"),
    ("OSU", "The Ohio State University, Oregon State University, Oklahoma State University"),
    ("PSU", "Pennsylvania State University and Portland State University (both US)"),
    (
        "SMU",
        "Singapore Management University (SG) and Southern Methodist University (US); Southern Medical University (CN)",
    ),
    ("UAB", "Universitat Autònoma de Barcelona (ES) and University of Alabama at Birmingham (US)"),
    ("UPM", "Universidad Politécnica de Madrid (ES) and Universiti Putra Malaysia (MY)"),
    (
        "IIT",
        "any of the 23 Indian Institutes of Technology, or Illinois Institute of Technology (US)",
    ),
    ("JNU", "Jawaharlal Nehru University (IN) and Jinan University (CN)"),
    ("UGA", "University of Georgia (US) and Université Grenoble Alpes (FR)"),
    ("UNIGE", "University of Geneva (CH) and University of Genoa (IT)"),
    ("SDU", "Shandong University (CN) and University of Southern Denmark (DK)"),
    (
        "CSU",
        "Central South University (CN), Colorado State University, the California State University system",
    ),
    ("SCU", "Sichuan University (CN), Santa Clara University (US), Southern Cross University (AU)"),
    (
        "UI",
        "University of Indonesia, University of Iowa, University of Illinois, University of Ibadan",
    ),
    ("AAU", "Addis Ababa University (ET) and Aalborg University (DK)"),
    (
        "UP",
        "University of Pretoria, University of the Philippines, University of Potsdam, among others",
    ),
    (
        "KIT",
        "Karlsruhe Institute of Technology (DE), Kyoto Institute of Technology and Kyushu Institute of Technology (JP)",
    ),
    (
        "Northeastern University",
        "Northeastern University (US, Boston) and Northeastern University (CN, Shenyang)",
    ),
    ("Universidad de los Andes", "Universidad de los Andes in Colombia, Venezuela and Chile"),
    ("China Medical University", "China Medical University in Shenyang (CN) and in Taichung (TW)"),
    (
        "National Research Council",
        "Consiglio Nazionale delle Ricerche (IT), National Research Council Canada, the US National Research Council",
    ),
    (
        "Institute of Physics",
        "institutes of physics of CAS (CN), Croatia, Slovakia, the UK learned society, among others",
    ),
    ("Max Planck Institute", "more than 80 Max Planck institutes"),
    (
        "National University",
        "National University (US, San Diego) and National University (PH, Manila) carry exactly this name; also a generic phrase",
    ),
    (
        "Jiao Tong University",
        "Shanghai, Xi'an, Beijing, Southwest and National Yang Ming Chiao Tung universities",
    ),
    ("Jiaotong University", "Shanghai, Xi'an, Beijing and Southwest Jiaotong universities"),
    ("Indian Institute of Technology", "23 institutes"),
    (
        "Trinity College",
        "Trinity College Dublin (IE), Trinity College Cambridge (GB), Trinity College Hartford (US)",
    ),
    (
        "Sorbonne",
        "Sorbonne Université, Université Sorbonne Nouvelle, Université Paris 1 Panthéon-Sorbonne, Sorbonne Paris Nord",
    ),
    ("Swiss Federal Institute of Technology", "ETH Zurich and EPFL"),
    ("HEC", "HEC Paris, HEC Montréal, HEC Lausanne, HEC Liège"),
    (
        "Institute of Automation",
        "Institute of Automation, CAS (CN) and an institute of the same name in Germany",
    ),
]


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(s.split())


def load_ror(data: Path) -> dict[str, Record]:
    recs: dict[str, Record] = {}
    for name in ("ror_education_facility.jsonl", "ror_government_nonprofit.jsonl"):
        with open(data / "ror" / name, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                recs[r["id"]] = r
    return recs


def ror_index(recs: dict[str, Record]) -> dict[str, set[str]]:
    """Normalised name/alias/label/acronym -> ids of active records."""
    idx: dict[str, set[str]] = collections.defaultdict(set)
    for rid, r in recs.items():
        if r["status"] != "active":
            continue
        names = [r["name"], *r["aliases"], *r["acronyms"], *(x["value"] for x in r["labels"])]
        for n in names:
            idx[_norm(n)].add(rid)
    return idx


def _auto_country(query: str) -> bool:
    return int(hashlib.sha1(query.encode("utf-8")).hexdigest(), 16) % 2 == 0


def build_institutions(recs: dict[str, Record]) -> list[Row]:
    idx = ror_index(recs)
    rows: list[Row] = []
    errors: list[str] = []
    current: Record | None = None
    for lineno, line in enumerate(POSITIVES.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            suffix, _, expected_name = line[1:].partition(" ")
            rid = "https://ror.org/" + suffix
            r = recs.get(rid)
            if r is None:
                errors.append(f"line {lineno}: {rid} not in the ROR extract")
            elif r["status"] != "active":
                errors.append(f"line {lineno}: {rid} is {r['status']}")
            elif r["name"] != expected_name.strip():
                errors.append(f"line {lineno}: {rid} is named {r['name']!r}, not {expected_name!r}")
            current = r
            continue
        parts = [p.strip() for p in re.split(r"\s*\|\s*", line)]
        parts += [""] * (5 - len(parts))
        cat, query, country, lang, note = parts[:5]
        if cat not in CATS or current is None:
            errors.append(f"line {lineno}: bad row {line!r}")
            continue
        category = CATS[cat]
        lang = lang or ("zh" if cat in ("cs", "ct") else "en")
        if country == "-":
            country = ""
        elif not country:
            country = current["country_code"] if _auto_country(query) else ""
        if country and country != current["country_code"]:
            errors.append(
                f"line {lineno}: hint {country} but {current['id']} is in {current['country_code']}"
            )
        # exact collisions with other active records
        others = idx.get(_norm(query), set()) - {current["id"]}
        if country:
            others = {o for o in others if recs[o]["country_code"] == country}
        allow = note.startswith("allow_other")
        if others and not allow:
            errors.append(
                f"line {lineno}: {query!r} also names "
                + ", ".join(
                    f"{o[16:]} {recs[o]['name']} ({recs[o]['country_code']})"
                    for o in sorted(others)
                )
            )
        if allow:
            note = note[len("allow_other") :].lstrip(": ")
        rows.append(
            dict(
                query=query,
                country=country,
                expected_id=current["id"],
                category=category,
                language=lang,
                note=note,
            )
        )

    for query, rid, lang, note in WHITESPACE_POSITIVES:
        rows.append(
            dict(
                query=query,
                country="",
                expected_id=rid,
                category="punctuation",
                language=lang,
                note=note,
            )
        )

    def neg(
        category: str, query: str, country: str, lang: str, note: str, must_match: bool = False
    ) -> None:
        hits = idx.get(_norm(query), set())
        if country:
            hits = {h for h in hits if recs[h]["country_code"] == country}
        if hits and not must_match:
            errors.append(
                f"negative {query[:60]!r} names "
                + ", ".join(f"{h[16:]} {recs[h]['name']}" for h in sorted(hits))
            )
        rows.append(
            dict(
                query=query,
                country=country,
                expected_id="",
                category=category,
                language=lang,
                note=note,
            )
        )

    for q, c, lang in NEG_FICTIONAL:
        neg("negative_fictional", q, c, lang, "fictional institution")
    for q, c, lang, note in NEG_COMPANY:
        neg(
            "negative_company", q, c, lang, ("company; " + note).rstrip("; ") if note else "company"
        )
    for q, c, lang, note in NEG_GENERIC:
        neg("negative_generic", q, c, lang, note or "generic word")
    for q, c, lang, note in NEG_GARBAGE:
        neg("negative_garbage", q, c, lang, note)
    for q, note in NEG_AMBIGUOUS:
        hits = idx.get(_norm(q), set())
        lang = "en" if q.isascii() else "es"
        if q == "Universidad de los Andes":
            lang = "es"
        # an ambiguous string may name one record exactly (e.g. "Trinity College") or none
        # (e.g. "Sorbonne"); its note lists the well-known institutions it could mean.
        rows.append(
            dict(
                query=q,
                country="",
                expected_id="",
                category="negative_ambiguous",
                language=lang,
                note=f"ambiguous ({len(hits)} exact ROR matches): {note}",
            )
        )

    seen: set[tuple[str, str]] = set()
    for r in rows:
        key = (r["query"], r["country"])
        if key in seen:
            errors.append(f"duplicate (query, country): {key!r:.80}")
        seen.add(key)
    if errors:
        raise SystemExit("institutions:\n  " + "\n  ".join(errors))
    return rows


# --------------------------------------------------------------------------------------------
# Fields of study
# --------------------------------------------------------------------------------------------
# (query, language, ISCED-F code, CIP 2020 code, note).  stem_isced_f and stem_dhs are derived
# from the codes.  A 3-digit ISCED code is a narrow field, used when the string spans several
# detailed fields or the detailed field is debatable; "alt=" in the note lists other codes a
# careful coder could defend (a benchmark may accept them).  An empty ISCED code marks a string
# that is not a field of study (all three labels empty).

FIELDS: list[tuple[str, str, str, str, str]] = [
    # ---- English: ICT
    ("Computer Science", "en", "0613", "11.0701", ""),
    ("computer science", "en", "0613", "11.0701", "lower case"),
    ("COMPUTER SCIENCE", "en", "0613", "11.0701", "upper case"),
    ("Computer-Science", "en", "0613", "11.0701", "hyphen"),
    ("Comp Sci", "en", "0613", "11.0701", "abbreviation"),
    ("CS", "en", "0613", "11.0701", "abbreviation as written on CVs"),
    ("Computer Sceince", "en", "0613", "11.0701", "typo"),
    ("Computer Science and Engineering", "en", "0613", "11.0701", "alt=0714"),
    ("Computer Science & Engineering", "en", "0613", "11.0701", "alt=0714"),
    ("CSE", "en", "0613", "11.0701", "Computer Science and Engineering; alt=0714"),
    ("B.Tech CSE", "en", "0613", "11.0701", "degree prefix; alt=0714"),
    (
        "B.Tech (Computer Science and Engineering)",
        "en",
        "0613",
        "11.0701",
        "degree prefix; alt=0714",
    ),
    ("BSc Computer Science", "en", "0613", "11.0701", "degree prefix"),
    ("BSc (Hons) Computer Science", "en", "0613", "11.0701", "degree prefix"),
    ("MS in Computer Science", "en", "0613", "11.0701", "degree prefix"),
    (
        "Computer Science (Artificial Intelligence)",
        "en",
        "0613",
        "11.0701",
        "specialisation in brackets",
    ),
    ("Software Engineering", "en", "0613", "14.0903", ""),
    ("Information Technology", "en", "061", "11.0103", "spans 0612 and 0613"),
    ("Info Tech", "en", "061", "11.0103", "abbreviation"),
    ("Artificial Intelligence", "en", "0613", "11.0102", ""),
    ("Cybersecurity", "en", "061", "11.1003", "alt=0612|0613"),
    ("Cyber Security", "en", "061", "11.1003", "alt=0612|0613"),
    ("Network Engineering", "en", "0612", "11.0901", ""),
    ("Computer Applications", "en", "0613", "11.0101", ""),
    ("BCA", "en", "0613", "11.0101", "Bachelor of Computer Applications (IN)"),
    ("MCA", "en", "0613", "11.0101", "Master of Computer Applications (IN)"),
    ("Data Science", "en", "0688", "30.7001", "alt=0542|0613; statistics and computing"),
    ("MSc Data Science", "en", "0688", "30.7001", "degree prefix; alt=0542|0613"),
    ("Data Analytics", "en", "0688", "30.7101", "alt=0542|0613"),
    (
        "Business Analytics",
        "en",
        "041",
        "30.7102",
        "DHS STEM, ISCED business (04): the definitions disagree",
    ),
    # ---- English: engineering
    (
        "Computer Engineering",
        "en",
        "0714",
        "14.0901",
        "ISCED-F files computer (hardware) engineering under electronics; alt=0613",
    ),
    ("Comp. Engg.", "en", "0714", "14.0901", "abbreviation; alt=0613"),
    ("Electrical Engineering", "en", "0713", "14.1001", "alt=0714"),
    ("Electrical Eng.", "en", "0713", "14.1001", "abbreviation; alt=0714"),
    ("EE", "en", "0713", "14.1001", "abbreviation; alt=0714"),
    ("Electrical Enginering", "en", "0713", "14.1001", "typo; alt=0714"),
    ("Electronic Engineering", "en", "0714", "14.1001", ""),
    ("Electronics and Communication Engineering", "en", "0714", "14.1001", ""),
    ("Electronics & Communication Engg.", "en", "0714", "14.1001", "abbreviation"),
    ("B.E. Electronics and Communication", "en", "0714", "14.1001", "degree prefix"),
    ("Electrical and Electronic Engineering", "en", "071", "14.1001", "spans 0713 and 0714"),
    ("EEE", "en", "071", "14.1001", "Electrical and Electronic Engineering; spans 0713 and 0714"),
    ("Electrical and Computer Engineering", "en", "071", "14.4701", "spans 0713 and 0714"),
    (
        "ECE",
        "en",
        "071",
        "14.4701",
        "Electrical and Computer Engineering (US) or Electronics and Communication Engineering (IN): 071 and DHS STEM either way",
    ),
    ("M.Tech VLSI Design", "en", "0714", "14.1001", "degree prefix; chip design"),
    ("Telecommunications Engineering", "en", "0714", "14.1004", ""),
    ("Mechanical Engineering", "en", "0715", "14.1901", ""),
    ("Mech Engg", "en", "0715", "14.1901", "abbreviation"),
    ("Mechanical Engineerig", "en", "0715", "14.1901", "typo"),
    ("B.E. Mechanical", "en", "0715", "14.1901", "degree prefix"),
    ("Master of Science in Mechanical Engineering", "en", "0715", "14.1901", "degree prefix"),
    ("Civil Engineering", "en", "0732", "14.0801", ""),
    ("Civil Engg.", "en", "0732", "14.0801", "abbreviation"),
    ("Civil Engneering", "en", "0732", "14.0801", "typo"),
    ("Bachelor of Engineering (Civil)", "en", "0732", "14.0801", "degree prefix"),
    ("Construction Engineering", "en", "0732", "14.3301", ""),
    ("Architectural Engineering", "en", "0732", "14.0401", ""),
    ("Chemical Engineering", "en", "0711", "14.0701", ""),
    ("Aerospace Engineering", "en", "0716", "14.0201", ""),
    ("Aeronautical Engineering", "en", "0716", "14.0201", ""),
    ("Naval Architecture", "en", "0716", "14.2201", ""),
    ("Petroleum Engineering", "en", "0724", "14.2501", ""),
    ("Mining Engineering", "en", "0724", "14.2101", ""),
    ("Nuclear Engineering", "en", "0713", "14.2301", ""),
    ("Environmental Engineering", "en", "0712", "14.1401", ""),
    ("Textile Engineering", "en", "0723", "14.2801", ""),
    ("Mechatronics", "en", "071", "14.4201", "alt=0714|0715"),
    ("Mechatronics Engineering", "en", "071", "14.4201", "alt=0714|0715"),
    ("Robotics", "en", "0714", "14.4201", ""),
    ("Control and Automation Engineering", "en", "0714", "14.4201", ""),
    ("Food Science", "en", "0721", "01.1001", ""),
    ("Food Technology", "en", "0721", "01.1002", ""),
    # ---- English: architecture and planning (ISCED 07, DHS differs)
    ("Architecture", "en", "0731", "04.0201", "ISCED STEM (07) but not on the DHS list"),
    ("B.Arch", "en", "0731", "04.0201", "degree abbreviation; ISCED STEM, not DHS"),
    ("Urban Planning", "en", "0731", "04.0301", "ISCED STEM (07) but not on the DHS list"),
    (
        "Urban and Regional Planning",
        "en",
        "0731",
        "04.0301",
        "ISCED STEM (07) but not on the DHS list",
    ),
    ("Landscape Architecture", "en", "0731", "04.0601", "STEM under both"),
    # ---- English: natural sciences and mathematics
    ("Biology", "en", "0511", "26.0101", ""),
    ("BS Biology", "en", "0511", "26.0101", "degree prefix"),
    ("Biological Sciences", "en", "0511", "26.0101", ""),
    ("Biochemistry", "en", "0512", "26.0202", ""),
    ("Biochemistry and Molecular Biology", "en", "0512", "26.0210", ""),
    ("Molecular Biology", "en", "051", "26.0204", "alt=0511|0512"),
    ("Biotechnology", "en", "051", "26.1201", "alt=0511|0512"),
    ("Biotechnolgy", "en", "051", "26.1201", "typo; alt=0511|0512"),
    ("Microbiology", "en", "0511", "26.0502", ""),
    ("Genetics", "en", "0511", "26.0801", ""),
    ("Marine Biology", "en", "0511", "26.1302", ""),
    ("Zoology", "en", "0511", "26.0701", ""),
    ("Botany", "en", "0511", "26.0301", ""),
    ("Chemistry", "en", "0531", "40.0501", ""),
    ("Chemisty", "en", "0531", "40.0501", "typo"),
    ("Chem", "en", "0531", "40.0501", "abbreviation"),
    ("M.Sc. Chemistry", "en", "0531", "40.0501", "degree prefix"),
    ("Organic Chemistry", "en", "0531", "40.0504", ""),
    ("Physics", "en", "0533", "40.0801", ""),
    ("B.Sc. Physics", "en", "0533", "40.0801", "degree prefix"),
    ("Physics (Honours)", "en", "0533", "40.0801", ""),
    ("Phyiscs", "en", "0533", "40.0801", "typo"),
    ("Applied Physics", "en", "0533", "14.1201", ""),
    ("Theoretical Physics", "en", "0533", "40.0810", ""),
    ("Physics and Astronomy", "en", "0533", "40.1101", ""),
    ("Astronomy", "en", "0533", "40.0201", ""),
    ("Astrophysics", "en", "0533", "40.0202", ""),
    ("Geology", "en", "0532", "40.0601", ""),
    ("Earth Sciences", "en", "0532", "40.0601", ""),
    ("Geophysics", "en", "0532", "40.0603", ""),
    ("Meteorology", "en", "0532", "40.0404", ""),
    ("Atmospheric Science", "en", "0532", "40.0401", ""),
    ("Oceanography", "en", "0532", "40.0607", ""),
    ("Environmental Science", "en", "0521", "03.0104", ""),
    ("Mathematics", "en", "0541", "27.0101", ""),
    ("Maths", "en", "0541", "27.0101", "abbreviation"),
    ("Math", "en", "0541", "27.0101", "abbreviation"),
    ("Mathematcs", "en", "0541", "27.0101", "typo"),
    ("Pure Mathematics", "en", "0541", "27.0101", ""),
    ("Applied Mathematics", "en", "0541", "27.0301", ""),
    ("Computational Mathematics", "en", "0541", "27.0303", ""),
    ("Mathematics and Statistics", "en", "054", "27.0503", "spans 0541 and 0542"),
    ("Maths & Stats", "en", "054", "27.0503", "abbreviation; spans 0541 and 0542"),
    ("Statistics", "en", "0542", "27.0501", ""),
    ("Applied Statistics", "en", "0542", "27.0601", ""),
    (
        "Actuarial Science",
        "en",
        "054",
        "52.1304",
        "ISCED-F files actuarial science with statistics; alt=0542",
    ),
    (
        "Operations Research",
        "en",
        "054",
        "14.3701",
        "ISCED-F files operations research with mathematics; alt=0541",
    ),
    # ---- English: agriculture (ISCED 08, not STEM; DHS lists several)
    ("Agronomy", "en", "0811", "01.1102", "ISCED agriculture (08), DHS STEM"),
    ("Animal Science", "en", "0811", "01.0901", "ISCED agriculture (08), DHS STEM"),
    ("Horticultural Science", "en", "0812", "01.1103", "ISCED agriculture (08), DHS STEM"),
    ("Forestry", "en", "0821", "03.0501", "ISCED agriculture (08), DHS STEM"),
    (
        "Agriculture",
        "en",
        "081",
        "01.0000",
        "Agriculture, General: not STEM under either definition",
    ),
    ("Fisheries Science", "en", "0831", "03.0301", "not STEM under either definition"),
    (
        "Veterinary Medicine",
        "en",
        "0841",
        "01.8001",
        "not STEM under either definition (only veterinary sciences 01.81xx are on the DHS list)",
    ),
    # ---- English: health
    ("Medicine", "en", "0912", "51.1201", ""),
    ("MBBS", "en", "0912", "51.1201", "Bachelor of Medicine, Bachelor of Surgery"),
    ("Dentistry", "en", "0911", "51.0401", ""),
    ("Nursing", "en", "0913", "51.3801", ""),
    ("Pharmacy", "en", "0916", "51.2001", ""),
    ("B.Pharm", "en", "0916", "51.2001", "degree abbreviation"),
    ("Pharmaceutical Sciences", "en", "0916", "51.2010", "ISCED health (09), DHS STEM"),
    ("Medical Laboratory Science", "en", "0914", "51.1005", "ISCED health (09), DHS STEM"),
    ("Physiotherapy", "en", "0915", "51.2308", ""),
    # ---- English: social sciences, business, law
    ("Psychology", "en", "0313", "42.0101", "general psychology: not STEM under either definition"),
    ("Psycology", "en", "0313", "42.0101", "typo"),
    ("Psych", "en", "0313", "42.0101", "abbreviation"),
    ("Experimental Psychology", "en", "0313", "42.2704", "ISCED social science (03), DHS STEM"),
    ("Cognitive Psychology", "en", "0313", "42.2701", "ISCED social science (03), DHS STEM"),
    (
        "Industrial-Organizational Psychology",
        "en",
        "0313",
        "42.2804",
        "ISCED social science (03), DHS STEM",
    ),
    ("Economics", "en", "0311", "45.0601", "not STEM under either definition"),
    ("BA Economics", "en", "0311", "45.0601", "degree prefix"),
    ("Econ", "en", "0311", "45.0601", "abbreviation"),
    ("Economcis", "en", "0311", "45.0601", "typo"),
    ("Econometrics", "en", "0311", "45.0603", "ISCED social science (03), DHS STEM"),
    ("Quantitative Economics", "en", "0311", "45.0603", "ISCED social science (03), DHS STEM"),
    ("Political Science", "en", "0312", "45.1001", ""),
    ("Poli Sci", "en", "0312", "45.1001", "abbreviation"),
    ("International Relations", "en", "0312", "45.0901", ""),
    ("Sociology", "en", "0314", "45.1101", ""),
    ("Anthropology", "en", "0314", "45.0201", ""),
    ("Journalism", "en", "0321", "09.0401", ""),
    ("Library Science", "en", "0322", "25.0101", ""),
    ("Business Administration", "en", "0413", "52.0201", ""),
    ("Bussiness Administration", "en", "0413", "52.0201", "typo"),
    ("Biz Admin", "en", "0413", "52.0201", "abbreviation"),
    ("MBA", "en", "0413", "52.0201", "the degree implies the field"),
    ("BBA", "en", "0413", "52.0201", "the degree implies the field"),
    ("Public Administration", "en", "0413", "44.0401", ""),
    ("Human Resource Management", "en", "0413", "52.1001", ""),
    ("B.Com", "en", "041", "52.0101", "Bachelor of Commerce: accounting, finance and business"),
    ("International Business", "en", "041", "52.1101", ""),
    ("Accounting", "en", "0411", "52.0301", ""),
    ("Accountancy", "en", "0411", "52.0301", ""),
    ("Finance", "en", "0412", "52.0801", ""),
    ("Banking and Finance", "en", "0412", "52.0801", ""),
    ("Marketing", "en", "0414", "52.1401", ""),
    ("Law", "en", "0421", "22.0101", ""),
    ("LLB", "en", "0421", "22.0101", "the degree implies the field"),
    ("LL.M.", "en", "0421", "22.0101", "the degree implies the field"),
    # ---- English: humanities, arts, education, services
    ("History", "en", "0222", "54.0101", ""),
    ("BA (Hons) History", "en", "0222", "54.0101", "degree prefix"),
    ("Archaeology", "en", "0222", "45.0301", "ISCED humanities (02), DHS STEM"),
    ("Philosophy", "en", "0223", "38.0101", ""),
    ("Theology", "en", "0221", "39.0601", ""),
    ("Religious Studies", "en", "0221", "38.0201", ""),
    ("English Literature", "en", "0232", "23.1401", ""),
    ("English Language and Literature", "en", "0232", "23.0101", ""),
    ("MA English", "en", "0232", "23.0101", "degree prefix"),
    ("Modern Languages", "en", "023", "16.0101", ""),
    ("Linguistics", "en", "0232", "16.0102", ""),
    ("Fine Arts", "en", "0213", "50.0702", ""),
    ("Music", "en", "0215", "50.0901", ""),
    ("Film Production", "en", "0211", "50.0602", ""),
    ("Animation", "en", "0211", "10.0304", "ISCED arts (02), DHS STEM"),
    ("Fashion Design", "en", "0212", "50.0407", ""),
    (
        "Industrial Design",
        "en",
        "0212",
        "50.0404",
        "design, not engineering: not STEM under either definition",
    ),
    ("Education", "en", "011", "13.0101", ""),
    ("Early Childhood Education", "en", "0112", "13.1210", ""),
    (
        "Mathematics Education",
        "en",
        "0114",
        "13.1311",
        "teacher training: not STEM under either definition",
    ),
    ("Social Work", "en", "0923", "44.0701", ""),
    ("Hospitality Management", "en", "1013", "52.0901", ""),
    ("Hotel Management", "en", "1013", "52.0904", ""),
    ("Culinary Arts", "en", "1013", "12.0503", ""),
    ("Tourism Management", "en", "1015", "52.0903", ""),
    ("Sports Science", "en", "1014", "31.0505", "alt=0915"),
    ("Nautical Science", "en", "1041", "49.0309", ""),
    ("Airline Pilot", "en", "1041", "49.0102", ""),
    # ---- Chinese (simplified)
    ("计算机科学与技术", "zh", "0613", "11.0701", "Computer Science and Technology"),
    ("计算机科学", "zh", "0613", "11.0701", "Computer Science"),
    ("软件工程", "zh", "0613", "14.0903", "Software Engineering"),
    ("人工智能", "zh", "0613", "11.0102", "Artificial Intelligence"),
    ("网络工程", "zh", "0612", "11.0901", "Network Engineering"),
    ("信息安全", "zh", "061", "11.1003", "Information Security; alt=0612|0613"),
    (
        "数据科学与大数据技术",
        "zh",
        "0688",
        "30.7001",
        "Data Science and Big Data Technology; alt=0542|0613",
    ),
    ("电子信息工程", "zh", "0714", "14.1001", "Electronic Information Engineering"),
    ("通信工程", "zh", "0714", "14.1004", "Communication Engineering"),
    ("电子科学与技术", "zh", "0714", "14.1001", "Electronic Science and Technology"),
    (
        "光电信息科学与工程",
        "zh",
        "0714",
        "14.1001",
        "Optoelectronic Information Science and Engineering",
    ),
    (
        "电气工程及其自动化",
        "zh",
        "071",
        "14.1001",
        "Electrical Engineering and Automation; spans 0713 and 0714",
    ),
    ("自动化", "zh", "0714", "14.4201", "Automation"),
    ("机械工程", "zh", "0715", "14.1901", "Mechanical Engineering"),
    (
        "机械设计制造及其自动化",
        "zh",
        "0715",
        "14.1901",
        "Mechanical Design, Manufacturing and Automation",
    ),
    ("土木工程", "zh", "0732", "14.0801", "Civil Engineering (same in traditional script)"),
    ("化学工程与工艺", "zh", "0711", "14.0701", "Chemical Engineering and Technology"),
    ("飞行器设计与工程", "zh", "0716", "14.0201", "Aircraft Design and Engineering"),
    ("航空航天工程", "zh", "0716", "14.0201", "Aerospace Engineering"),
    ("环境工程", "zh", "0712", "14.1401", "Environmental Engineering"),
    ("石油工程", "zh", "0724", "14.2501", "Petroleum Engineering"),
    ("采矿工程", "zh", "0724", "14.2101", "Mining Engineering"),
    ("核工程与核技术", "zh", "0713", "14.2301", "Nuclear Engineering and Technology"),
    ("建筑学", "zh", "0731", "04.0201", "Architecture: ISCED STEM, not DHS"),
    ("城乡规划", "zh", "0731", "04.0301", "Urban and Rural Planning: ISCED STEM, not DHS"),
    ("食品科学与工程", "zh", "0721", "01.1001", "Food Science and Engineering"),
    ("数学与应用数学", "zh", "0541", "27.0101", "Mathematics and Applied Mathematics"),
    (
        "信息与计算科学",
        "zh",
        "0541",
        "27.0303",
        "Information and Computing Science (a mathematics major)",
    ),
    ("统计学", "zh", "0542", "27.0501", "Statistics"),
    ("物理学", "zh", "0533", "40.0801", "Physics (same spelling in Japanese)"),
    ("应用物理学", "zh", "0533", "14.1201", "Applied Physics"),
    (
        "化学",
        "zh",
        "0531",
        "40.0501",
        "Chemistry (same spelling in Japanese and traditional Chinese)",
    ),
    ("生物科学", "zh", "0511", "26.0101", "Biological Sciences"),
    ("生物技术", "zh", "051", "26.1201", "Biotechnology; alt=0511|0512"),
    ("环境科学", "zh", "0521", "03.0104", "Environmental Science"),
    ("地质学", "zh", "0532", "40.0601", "Geology"),
    ("大气科学", "zh", "0532", "40.0401", "Atmospheric Science"),
    ("天文学", "zh", "0533", "40.0201", "Astronomy"),
    ("经济学", "zh", "0311", "45.0601", "Economics"),
    ("金融学", "zh", "0412", "52.0801", "Finance"),
    ("会计学", "zh", "0411", "52.0301", "Accounting"),
    ("工商管理", "zh", "0413", "52.0201", "Business Administration"),
    ("市场营销", "zh", "0414", "52.1401", "Marketing"),
    ("法学", "zh", "0421", "22.0101", "Law (same spelling in Japanese)"),
    ("汉语言文学", "zh", "0232", "16.0301", "Chinese Language and Literature"),
    ("新闻学", "zh", "0321", "09.0401", "Journalism"),
    ("历史学", "zh", "0222", "54.0101", "History"),
    ("考古学", "zh", "0222", "45.0301", "Archaeology: ISCED humanities, DHS STEM"),
    ("哲学", "zh", "0223", "38.0101", "Philosophy"),
    ("心理学", "zh", "0313", "42.0101", "Psychology"),
    ("应用心理学", "zh", "0313", "42.2813", "Applied Psychology"),
    ("社会学", "zh", "0314", "45.1101", "Sociology"),
    ("社会工作", "zh", "0923", "44.0701", "Social Work"),
    ("国际政治", "zh", "0312", "45.0901", "International Politics"),
    ("临床医学", "zh", "0912", "51.1201", "Clinical Medicine"),
    ("口腔医学", "zh", "0911", "51.0401", "Stomatology (dentistry)"),
    ("护理学", "zh", "0913", "51.3801", "Nursing"),
    ("中医学", "zh", "0917", "51.3302", "Traditional Chinese Medicine"),
    ("农学", "zh", "0811", "01.1102", "Agronomy: ISCED agriculture, DHS STEM"),
    ("动物科学", "zh", "0811", "01.0901", "Animal Science: ISCED agriculture, DHS STEM"),
    ("动物医学", "zh", "0841", "01.8001", "Veterinary Medicine"),
    ("林学", "zh", "0821", "03.0501", "Forestry: ISCED agriculture, DHS STEM"),
    ("教育学", "zh", "011", "13.0101", "Education"),
    ("学前教育", "zh", "0112", "13.1210", "Preschool Education"),
    ("音乐表演", "zh", "0215", "50.0903", "Music Performance"),
    ("美术学", "zh", "0213", "50.0702", "Fine Arts"),
    ("动画", "zh", "0211", "10.0304", "Animation: ISCED arts, DHS STEM"),
    ("旅游管理", "zh", "1015", "52.0903", "Tourism Management"),
    ("酒店管理", "zh", "1013", "52.0904", "Hotel Management"),
    # ---- Chinese (traditional, Taiwan / Hong Kong usage)
    ("資訊工程學系", "zh", "0613", "11.0701", "Computer Science and Information Engineering (TW)"),
    ("資訊工程", "zh", "0613", "11.0701", "Computer Science and Information Engineering (TW)"),
    (
        "電機工程學系",
        "zh",
        "071",
        "14.1001",
        "Electrical Engineering (TW): power, electronics and communications",
    ),
    ("電子工程", "zh", "0714", "14.1001", "Electronic Engineering"),
    ("機械工程", "zh", "0715", "14.1901", "Mechanical Engineering"),
    ("化學工程", "zh", "0711", "14.0701", "Chemical Engineering"),
    ("土木工程學系", "zh", "0732", "14.0801", "Civil Engineering"),
    ("建築學系", "zh", "0731", "04.0201", "Architecture"),
    ("物理學系", "zh", "0533", "40.0801", "Physics"),
    ("數學系", "zh", "0541", "27.0101", "Mathematics"),
    ("統計學系", "zh", "0542", "27.0501", "Statistics"),
    ("經濟學", "zh", "0311", "45.0601", "Economics"),
    ("企業管理", "zh", "0413", "52.0201", "Business Administration"),
    ("會計學", "zh", "0411", "52.0301", "Accounting"),
    ("財務金融", "zh", "0412", "52.0801", "Finance"),
    ("心理學系", "zh", "0313", "42.0101", "Psychology"),
    ("法律學系", "zh", "0421", "22.0101", "Law"),
    # ---- French
    ("Génie électrique", "fr", "0713", "14.1001", "alt=0714"),
    ("Genie electrique", "fr", "0713", "14.1001", "without accents; alt=0714"),
    ("Génie civil", "fr", "0732", "14.0801", ""),
    ("Génie mécanique", "fr", "0715", "14.1901", ""),
    ("Génie logiciel", "fr", "0613", "14.0903", ""),
    ("Génie chimique", "fr", "0711", "14.0701", ""),
    ("Génie des procédés", "fr", "0711", "14.0701", ""),
    ("Électronique", "fr", "0714", "14.1001", ""),
    ("Sciences de l'ingénieur", "fr", "071", "14.0101", "engineering in general"),
    ("Aéronautique", "fr", "0716", "14.0201", ""),
    ("Informatique", "fr", "0613", "11.0701", ""),
    ("Mathématiques", "fr", "0541", "27.0101", ""),
    ("Mathématiques appliquées", "fr", "0541", "27.0301", ""),
    ("Licence de mathématiques", "fr", "0541", "27.0101", "degree prefix"),
    ("Statistique", "fr", "0542", "27.0501", ""),
    ("Physique", "fr", "0533", "40.0801", ""),
    ("Chimie", "fr", "0531", "40.0501", "same spelling in German"),
    ("Biologie", "fr", "0511", "26.0101", "same spelling in German and Dutch"),
    ("Sciences de la vie", "fr", "051", "26.0101", "life sciences"),
    ("Géologie", "fr", "0532", "40.0601", ""),
    ("Agronomie", "fr", "0811", "01.1102", "ISCED agriculture, DHS STEM"),
    ("Urbanisme", "fr", "0731", "04.0301", "ISCED STEM, not DHS"),
    ("Sciences économiques", "fr", "0311", "45.0601", ""),
    ("Économie", "fr", "0311", "45.0601", ""),
    ("Gestion", "fr", "0413", "52.0201", ""),
    ("Droit", "fr", "0421", "22.0101", ""),
    ("Sciences politiques", "fr", "0312", "45.1001", ""),
    ("Psychologie", "fr", "0313", "42.0101", "same spelling in German and Dutch"),
    ("Histoire", "fr", "0222", "54.0101", ""),
    ("Philosophie", "fr", "0223", "38.0101", "same spelling in German"),
    ("Lettres modernes", "fr", "0232", "16.0901", "French literature"),
    ("Sciences de l'éducation", "fr", "0111", "13.0101", ""),
    ("Médecine", "fr", "0912", "51.1201", ""),
    ("Pharmacie", "fr", "0916", "51.2001", ""),
    ("Soins infirmiers", "fr", "0913", "51.3801", ""),
    # ---- German
    ("Maschinenbau", "de", "0715", "14.1901", ""),
    ("Elektrotechnik", "de", "071", "14.1001", "covers power and electronics; alt=0713"),
    ("Elektro- und Informationstechnik", "de", "071", "14.1001", "alt=0713|0714"),
    ("Informatik", "de", "0613", "11.0701", ""),
    ("Technische Informatik", "de", "0714", "14.0901", "computer engineering; alt=0613"),
    ("Bauingenieurwesen", "de", "0732", "14.0801", ""),
    ("Verfahrenstechnik", "de", "0711", "14.0701", ""),
    ("Luft- und Raumfahrttechnik", "de", "0716", "14.0201", ""),
    ("Mechatronik", "de", "071", "14.4201", "alt=0714|0715"),
    ("Umweltingenieurwesen", "de", "0712", "14.1401", ""),
    ("Architektur", "de", "0731", "04.0201", "ISCED STEM, not DHS"),
    ("Physik", "de", "0533", "40.0801", ""),
    ("Mathematik", "de", "0541", "27.0101", ""),
    ("Statistik", "de", "0542", "27.0501", ""),
    ("Biochemie", "de", "0512", "26.0202", ""),
    ("Biotechnologie", "de", "051", "26.1201", "alt=0511|0512"),
    ("Geowissenschaften", "de", "0532", "40.0601", ""),
    ("B.Sc. Psychologie", "de", "0313", "42.0101", "degree prefix"),
    ("Betriebswirtschaftslehre", "de", "0413", "52.0201", ""),
    ("BWL", "de", "0413", "52.0201", "Betriebswirtschaftslehre"),
    ("Volkswirtschaftslehre", "de", "0311", "45.0601", ""),
    ("VWL", "de", "0311", "45.0601", "Volkswirtschaftslehre"),
    ("Rechtswissenschaft", "de", "0421", "22.0101", ""),
    ("Jura", "de", "0421", "22.0101", ""),
    ("Geschichte", "de", "0222", "54.0101", ""),
    ("Germanistik", "de", "0232", "16.0501", ""),
    ("Soziale Arbeit", "de", "0923", "44.0701", ""),
    (
        "Lehramt Mathematik",
        "de",
        "0114",
        "13.1311",
        "teacher training: not STEM under either definition",
    ),
    ("Medizin", "de", "0912", "51.1201", ""),
    ("Zahnmedizin", "de", "0911", "51.0401", ""),
    ("Pharmazie", "de", "0916", "51.2001", ""),
    ("Tiermedizin", "de", "0841", "01.8001", ""),
    # ---- Spanish
    ("Ingeniería Civil", "es", "0732", "14.0801", ""),
    ("Ingeniería de Sistemas", "es", "061", "11.0701", "Latin American computing degree; alt=0613"),
    ("Ingeniería Informática", "es", "0613", "11.0701", "alt=0714"),
    ("Ingeniería Mecánica", "es", "0715", "14.1901", ""),
    ("Ingeniería Eléctrica", "es", "0713", "14.1001", "alt=0714"),
    ("Ingeniería Electrónica", "es", "0714", "14.1001", ""),
    ("Ingeniería Química", "es", "0711", "14.0701", ""),
    ("Ingenieria Quimica", "es", "0711", "14.0701", "without accents"),
    ("Ingeniería Aeroespacial", "es", "0716", "14.0201", ""),
    ("Ingeniería Ambiental", "es", "0712", "14.1401", ""),
    ("Ciencias de la Computación", "es", "0613", "11.0701", ""),
    ("Ciencia de Datos", "es", "0688", "30.7001", "alt=0542|0613"),
    ("Matemáticas", "es", "0541", "27.0101", ""),
    ("Estadística", "es", "0542", "27.0501", ""),
    ("Física", "es", "0533", "40.0801", "same spelling in Portuguese"),
    ("Química", "es", "0531", "40.0501", "same spelling in Portuguese"),
    ("Biología", "es", "0511", "26.0101", ""),
    ("Biotecnología", "es", "051", "26.1201", "alt=0511|0512"),
    ("Arquitectura", "es", "0731", "04.0201", "ISCED STEM, not DHS"),
    ("Agronomía", "es", "0811", "01.1102", "ISCED agriculture, DHS STEM"),
    ("Medicina", "es", "0912", "51.1201", "same spelling in Italian and Portuguese"),
    ("Medicina Veterinaria", "es", "0841", "01.8001", ""),
    ("Odontología", "es", "0911", "51.0401", ""),
    ("Enfermería", "es", "0913", "51.3801", ""),
    ("Economía", "es", "0311", "45.0601", ""),
    ("Administración de Empresas", "es", "0413", "52.0201", ""),
    ("Contaduría Pública", "es", "0411", "52.0301", ""),
    ("Derecho", "es", "0421", "22.0101", ""),
    ("Psicología", "es", "0313", "42.0101", ""),
    ("Ciencias Políticas", "es", "0312", "45.1001", ""),
    ("Filosofía", "es", "0223", "38.0101", ""),
    ("Licenciatura en Historia", "es", "0222", "54.0101", "degree prefix"),
    # ---- Italian
    ("Ingegneria Meccanica", "it", "0715", "14.1901", ""),
    ("Ingegneria Civile", "it", "0732", "14.0801", ""),
    ("Ingegneria Elettronica", "it", "0714", "14.1001", ""),
    ("Ingegneria Aerospaziale", "it", "0716", "14.0201", ""),
    ("Ingegneria Chimica", "it", "0711", "14.0701", ""),
    ("Informatica", "it", "0613", "11.0701", ""),
    ("Matematica", "it", "0541", "27.0101", ""),
    ("Statistica", "it", "0542", "27.0501", ""),
    ("Fisica", "it", "0533", "40.0801", ""),
    ("Chimica", "it", "0531", "40.0501", ""),
    ("Scienze Biologiche", "it", "0511", "26.0101", ""),
    ("Biotecnologie", "it", "051", "26.1201", "alt=0511|0512"),
    ("Architettura", "it", "0731", "04.0201", "ISCED STEM, not DHS"),
    ("Economia", "it", "0311", "45.0601", "same spelling in Portuguese"),
    ("Giurisprudenza", "it", "0421", "22.0101", ""),
    ("Scienze Politiche", "it", "0312", "45.1001", ""),
    ("Storia", "it", "0222", "54.0101", ""),
    ("Filosofia", "it", "0223", "38.0101", "same spelling in Portuguese"),
    ("Lettere Moderne", "it", "0232", "16.0902", "Italian literature"),
    ("Psicologia", "it", "0313", "42.0101", "same spelling in Portuguese"),
    ("Medicina e Chirurgia", "it", "0912", "51.1201", ""),
    ("Farmacia", "it", "0916", "51.2001", "same spelling in Spanish"),
    # ---- Portuguese
    ("Engenharia Civil", "pt", "0732", "14.0801", ""),
    ("Engenharia Mecânica", "pt", "0715", "14.1901", ""),
    ("Engenharia Elétrica", "pt", "0713", "14.1001", "alt=0714"),
    ("Engenharia Química", "pt", "0711", "14.0701", ""),
    ("Ciência da Computação", "pt", "0613", "11.0701", ""),
    ("Matemática", "pt", "0541", "27.0101", ""),
    ("Estatística", "pt", "0542", "27.0501", ""),
    ("Biologia", "pt", "0511", "26.0101", "same spelling in Italian"),
    ("Geologia", "pt", "0532", "40.0601", "same spelling in Italian"),
    ("Agronomia", "pt", "0811", "01.1102", "ISCED agriculture, DHS STEM; same spelling in Italian"),
    ("Arquitetura e Urbanismo", "pt", "0731", "04.0201", "ISCED STEM, not DHS"),
    ("Administração", "pt", "0413", "52.0201", ""),
    ("Ciências Contábeis", "pt", "0411", "52.0301", ""),
    ("Contabilidade", "pt", "0411", "52.0301", ""),
    ("Direito", "pt", "0421", "22.0101", ""),
    ("Enfermagem", "pt", "0913", "51.3801", ""),
    ("Odontologia", "pt", "0911", "51.0401", ""),
    ("Farmácia", "pt", "0916", "51.2001", ""),
    ("Medicina Veterinária", "pt", "0841", "01.8001", ""),
    # ---- Japanese, Korean, Russian, Dutch
    ("情報工学", "ja", "0613", "11.0701", "information engineering (computer science); alt=0714"),
    ("機械工学", "ja", "0715", "14.1901", "Mechanical Engineering"),
    ("電気電子工学", "ja", "071", "14.1001", "Electrical and Electronic Engineering"),
    ("建築学", "ja", "0731", "04.0201", "Architecture: ISCED STEM, not DHS"),
    ("経済学", "ja", "0311", "45.0601", "Economics"),
    ("経営学", "ja", "0413", "52.0201", "Business Administration"),
    ("医学", "ja", "0912", "51.1201", "Medicine (same spelling in Chinese)"),
    ("薬学", "ja", "0916", "51.2001", "Pharmacy"),
    ("컴퓨터공학", "ko", "0613", "11.0701", "computer science and engineering; alt=0714"),
    ("전자공학", "ko", "0714", "14.1001", "Electronic Engineering"),
    ("기계공학", "ko", "0715", "14.1901", "Mechanical Engineering"),
    ("건축학", "ko", "0731", "04.0201", "Architecture: ISCED STEM, not DHS"),
    ("경영학", "ko", "0413", "52.0201", "Business Administration"),
    ("경제학", "ko", "0311", "45.0601", "Economics"),
    ("Прикладная математика", "ru", "0541", "27.0301", "Applied Mathematics"),
    (
        "Информатика и вычислительная техника",
        "ru",
        "061",
        "11.0701",
        "Informatics and Computer Engineering; alt=0613|0714",
    ),
    ("Машиностроение", "ru", "0715", "14.1901", "Mechanical Engineering"),
    ("Физика", "ru", "0533", "40.0801", "Physics"),
    ("Химия", "ru", "0531", "40.0501", "Chemistry"),
    ("Экономика", "ru", "0311", "45.0601", "Economics"),
    ("Юриспруденция", "ru", "0421", "22.0101", "Law"),
    ("Werktuigbouwkunde", "nl", "0715", "14.1901", "Mechanical Engineering"),
    ("Natuurkunde", "nl", "0533", "40.0801", "Physics"),
    ("Wiskunde", "nl", "0541", "27.0101", "Mathematics"),
    ("Scheikunde", "nl", "0531", "40.0501", "Chemistry"),
    ("Bedrijfskunde", "nl", "0413", "52.0201", "Business Administration"),
    ("Rechtsgeleerdheid", "nl", "0421", "22.0101", "Law"),
    # ---- not a field of study: every label empty
    ("N/A", "und", "", "", "not a field"),
    ("Undeclared", "en", "", "", "no field chosen"),
    ("Various", "en", "", "", "not a field"),
    ("asdfgh", "und", "", "", "keyboard mash"),
    ("Stanford University", "en", "", "", "an institution, not a field"),
    ("PhD", "en", "", "", "a degree without a field"),
    ("Bachelor", "en", "", "", "a degree without a field"),
    ("", "und", "", "", "empty string"),
]


# --------------------------------------------------------------------------------------------
# Degrees
# --------------------------------------------------------------------------------------------
# (query, language, ISCED 2011 level or "" for "not a degree", note)
DEGREES: list[tuple[str, str, str, str]] = [
    # ---- level 5: short-cycle tertiary
    ("Associate Degree", "en", "5", ""),
    ("Associate of Science", "en", "5", ""),
    ("Associate of Arts", "en", "5", ""),
    ("A.S.", "en", "5", "Associate of Science"),
    ("AAS", "en", "5", "Associate of Applied Science"),
    ("A.A.S.", "en", "5", "Associate of Applied Science"),
    ("associate's degree", "en", "5", ""),
    ("HND", "en", "5", "Higher National Diploma (UK)"),
    ("Higher National Diploma", "en", "5", ""),
    ("Foundation Degree", "en", "5", "UK foundation degree"),
    ("Higher Diploma", "en", "5", "Hong Kong higher diploma"),
    ("专科", "zh", "5", "zhuanke: short-cycle higher education"),
    ("大专", "zh", "5", "dazhuan: junior college"),
    ("大专学历", "zh", "5", ""),
    ("高职", "zh", "5", "higher vocational college (专科 level)"),
    ("專科", "zh", "5", "traditional script"),
    ("BTS", "fr", "5", "Brevet de technicien supérieur"),
    ("Brevet de technicien supérieur", "fr", "5", ""),
    ("DUT", "fr", "5", "Diplôme universitaire de technologie"),
    ("Diplôme universitaire de technologie", "fr", "5", ""),
    ("Técnico Superior", "es", "5", "Spanish higher technician (FP de grado superior)"),
    ("Técnico Superior Universitario", "es", "5", "Mexico/Venezuela TSU"),
    ("短期大学士", "ja", "5", "junior college associate degree"),
    ("準学士", "ja", "5", "associate degree (kosen)"),
    ("전문학사", "ko", "5", "associate degree"),
    # ---- level 6: bachelor's or equivalent
    ("Bachelor", "en", "6", ""),
    ("bachelor", "en", "6", "lower case"),
    ("BACHELOR", "en", "6", "upper case"),
    ("Bachelor's degree", "en", "6", ""),
    ("Bachelors", "en", "6", ""),
    ("Undergraduate degree", "en", "6", ""),
    ("Bachelor of Science", "en", "6", ""),
    ("Bachelor of Arts", "en", "6", ""),
    ("Bachelor of Engineering", "en", "6", ""),
    ("Bachelor of Technology", "en", "6", ""),
    ("Bachelor of Laws", "en", "6", ""),
    ("Bachelor of Business Administration", "en", "6", ""),
    ("Bachelor of Computer Applications", "en", "6", ""),
    ("BSc", "en", "6", ""),
    ("B.Sc.", "en", "6", ""),
    ("B.Sc", "en", "6", ""),
    ("bsc", "en", "6", "lower case"),
    ("BSc (Hons)", "en", "6", ""),
    ("B.Sc. (Hons.)", "en", "6", ""),
    ("BS", "en", "6", ""),
    ("B.S.", "en", "6", ""),
    ("BA", "en", "6", ""),
    ("B.A.", "en", "6", ""),
    ("BA (Hons)", "en", "6", ""),
    ("A.B.", "en", "6", "Artium Baccalaureus (Harvard, Princeton)"),
    ("S.B.", "en", "6", "Scientiae Baccalaureus (MIT)"),
    ("BEng", "en", "6", ""),
    ("B.Eng.", "en", "6", ""),
    ("B.E.", "en", "6", ""),
    ("BE", "en", "6", "Bachelor of Engineering"),
    ("B.Tech", "en", "6", ""),
    ("BTech", "en", "6", ""),
    ("B.Tech.", "en", "6", ""),
    ("B. Tech", "en", "6", "space after the dot"),
    ("btech", "en", "6", "lower case"),
    ("BBA", "en", "6", ""),
    ("B.Com", "en", "6", "Bachelor of Commerce"),
    ("BCom", "en", "6", "Bachelor of Commerce"),
    ("LLB", "en", "6", "Bachelor of Laws"),
    ("LL.B.", "en", "6", "Bachelor of Laws"),
    ("BCA", "en", "6", "Bachelor of Computer Applications"),
    ("B.Pharm", "en", "6", "Bachelor of Pharmacy"),
    ("BFA", "en", "6", "Bachelor of Fine Arts"),
    ("BSN", "en", "6", "Bachelor of Science in Nursing"),
    ("Honours degree", "en", "6", ""),
    ("学士", "zh", "6", "bachelor (same spelling in Japanese)"),
    ("学士学位", "zh", "6", ""),
    ("本科", "zh", "6", "undergraduate (bachelor's level)"),
    ("大学本科", "zh", "6", ""),
    ("本科学历", "zh", "6", ""),
    ("工学学士", "zh", "6", "Bachelor of Engineering"),
    ("理学学士", "zh", "6", "Bachelor of Science"),
    ("學士", "zh", "6", "traditional script"),
    ("학사", "ko", "6", ""),
    ("Licence", "fr", "6", "French licence (bac+3)"),
    ("Licence professionnelle", "fr", "6", ""),
    ("Licence 3", "fr", "6", "third year of the licence, i.e. the completed licence"),
    ("Bachelor universitaire de technologie", "fr", "6", "BUT, replaced the DUT in 2021"),
    (
        "Licenciatura",
        "es",
        "6",
        "Latin America and post-Bologna Portugal; pre-2010 Spanish licenciaturas were longer (arguably 7)",
    ),
    ("Grado", "es", "6", "Spanish post-Bologna bachelor"),
    ("Graduado en Ingeniería", "es", "6", "Spanish post-Bologna bachelor"),
    ("Título de Grado", "es", "6", ""),
    ("Bacharelado", "pt", "6", "Brazilian bachelor"),
    ("Bacharel", "pt", "6", "Brazilian bachelor (holder's title)"),
    ("Laurea triennale", "it", "6", ""),
    ("Laurea di primo livello", "it", "6", ""),
    ("Diplom (FH)", "de", "6", "pre-Bologna Fachhochschule diploma"),
    ("Bakkalaureus", "de", "6", ""),
    ("Бакалавр", "ru", "6", ""),
    ("Kandidatexamen", "sv", "6", "Swedish bachelor"),
    ("Licencjat", "pl", "6", "Polish bachelor"),
    ("Inżynier", "pl", "6", "Polish first-cycle engineering degree"),
    # ---- level 7: master's or equivalent (including long first degrees)
    ("Master", "en", "7", "same spelling in German and French"),
    ("Master's degree", "en", "7", ""),
    ("Masters", "en", "7", ""),
    ("master's", "en", "7", "lower case"),
    ("Master of Science", "en", "7", ""),
    ("Master of Arts", "en", "7", ""),
    ("Master of Engineering", "en", "7", ""),
    ("Master of Technology", "en", "7", ""),
    ("Master of Business Administration", "en", "7", ""),
    ("MSc", "en", "7", ""),
    ("M.Sc.", "en", "7", ""),
    ("M.Sc", "en", "7", ""),
    ("msc", "en", "7", "lower case"),
    ("MS", "en", "7", ""),
    ("M.S.", "en", "7", ""),
    ("MA", "en", "7", ""),
    ("M.A.", "en", "7", ""),
    ("MEng", "en", "7", ""),
    ("M.Eng.", "en", "7", ""),
    ("M.E.", "en", "7", "Master of Engineering (IN)"),
    ("M.Tech", "en", "7", ""),
    ("MTech", "en", "7", ""),
    ("M.Tech.", "en", "7", ""),
    ("MBA", "en", "7", ""),
    ("M.B.A.", "en", "7", ""),
    ("mba", "en", "7", "lower case"),
    ("Executive MBA", "en", "7", ""),
    ("MPhil", "en", "7", "Master of Philosophy"),
    ("M.Phil.", "en", "7", "Master of Philosophy"),
    ("MRes", "en", "7", "Master of Research"),
    ("LLM", "en", "7", "Master of Laws"),
    ("LL.M.", "en", "7", "Master of Laws"),
    ("MPH", "en", "7", "Master of Public Health"),
    ("MFA", "en", "7", "Master of Fine Arts"),
    ("MCA", "en", "7", "Master of Computer Applications (IN)"),
    ("Integrated Master's (MEng)", "en", "7", "integrated first degree at master's level (UK)"),
    ("MBBS", "en", "7", "long first degree in medicine (5-6 years): ISCED 2011 level 7, not 6"),
    ("M.B.B.S.", "en", "7", "long first degree in medicine: ISCED 7"),
    (
        "Bachelor of Medicine, Bachelor of Surgery",
        "en",
        "7",
        "MBBS spelled out; long first degree: ISCED 7",
    ),
    (
        "MD",
        "en",
        "7",
        "US Doctor of Medicine is a professional-practice degree; ISCED maps it to 7, not 8",
    ),
    ("JD", "en", "7", "US Juris Doctor, professional-practice degree: ISCED 7"),
    ("Juris Doctor", "en", "7", "professional-practice degree: ISCED 7"),
    ("PharmD", "en", "7", "US Doctor of Pharmacy, professional-practice degree: ISCED 7"),
    ("DVM", "en", "7", "Doctor of Veterinary Medicine, professional-practice degree: ISCED 7"),
    ("DDS", "en", "7", "Doctor of Dental Surgery, professional-practice degree: ISCED 7"),
    (
        "Specialist degree (Russia)",
        "en",
        "7",
        "five-year specialist diploma, a long first degree: ISCED 7",
    ),
    ("Специалист", "ru", "7", "long first degree: ISCED 7"),
    ("Специалитет", "ru", "7", "long first degree: ISCED 7"),
    ("Магистр", "ru", "7", ""),
    ("Магистратура", "ru", "7", ""),
    ("Master 2", "fr", "7", "second year of the French master, i.e. the completed master"),
    ("Master 2 Recherche", "fr", "7", ""),
    ("Diplôme d'ingénieur", "fr", "7", "French engineering diploma (bac+5)"),
    ("Diplome d'ingenieur", "fr", "7", "without accents"),
    ("Diplôme national de master", "fr", "7", ""),
    ("DEA", "fr", "7", "pre-2006 Diplôme d'études approfondies (bac+5)"),
    ("Diplom-Ingenieur", "de", "7", "university Diplom, integrated long first degree"),
    ("Dipl.-Ing.", "de", "7", "university Diplom, integrated long first degree"),
    ("Dipl.-Ing", "de", "7", "without the final dot"),
    ("Diplom-Physiker", "de", "7", "university Diplom"),
    ("Dipl.-Kfm.", "de", "7", "Diplom-Kaufmann, university Diplom"),
    ("Magister Artium", "de", "7", "pre-Bologna German/Austrian university degree"),
    (
        "Staatsexamen",
        "de",
        "7",
        "German state examination (law, medicine, teaching): long first degree",
    ),
    ("Laurea magistrale", "it", "7", ""),
    ("Laurea specialistica", "it", "7", "pre-2004 name of the laurea magistrale"),
    ("Laurea magistrale a ciclo unico", "it", "7", "single-cycle long first degree"),
    ("Máster", "es", "7", ""),
    ("Máster Universitario", "es", "7", ""),
    ("Maestría", "es", "7", "Latin American master"),
    ("Magíster", "es", "7", "Chilean/Colombian master"),
    ("Mestrado", "pt", "7", ""),
    ("Mestrado Integrado", "pt", "7", "integrated master (long first degree)"),
    ("Mestre", "pt", "7", "master (holder's title)"),
    ("硕士", "zh", "7", ""),
    ("硕士研究生", "zh", "7", "master's postgraduate"),
    ("硕士学位", "zh", "7", ""),
    ("工学硕士", "zh", "7", "Master of Engineering"),
    ("碩士", "zh", "7", "traditional script"),
    ("修士", "ja", "7", ""),
    ("修士課程", "ja", "7", "master's course"),
    ("석사", "ko", "7", ""),
    ("Masterexamen", "sv", "7", ""),
    ("Magister", "pl", "7", "Polish master (also Austrian); ISCED 7"),
    # ---- level 8: doctoral
    ("PhD", "en", "8", ""),
    ("Ph.D.", "en", "8", ""),
    ("Ph.D", "en", "8", ""),
    ("Ph. D.", "en", "8", "spaces"),
    ("PHD", "en", "8", "upper case"),
    ("phd", "en", "8", "lower case"),
    ("Doctor of Philosophy", "en", "8", ""),
    ("Doctorate", "en", "8", ""),
    ("Doctoral degree", "en", "8", ""),
    ("DPhil", "en", "8", "Oxford doctorate"),
    ("D.Phil.", "en", "8", ""),
    ("Sc.D.", "en", "8", "Doctor of Science"),
    ("DSc", "en", "8", "Doctor of Science"),
    ("EdD", "en", "8", "Doctor of Education"),
    ("Doctor of Engineering", "en", "8", ""),
    ("Dr. rer. nat.", "de", "8", "doctor rerum naturalium"),
    ("Dr.rer.nat.", "de", "8", "no spaces"),
    ("Dr.-Ing.", "de", "8", "Doktor-Ingenieur"),
    ("Dr. phil.", "de", "8", "doctor philosophiae"),
    ("Promotion", "de", "8", "German for doctorate (the doctoral process)"),
    ("Doktor", "de", "8", "also Polish and Scandinavian spelling"),
    ("Doctorat", "fr", "8", ""),
    ("Doctorado", "es", "8", ""),
    ("Doctor en Ciencias", "es", "8", ""),
    ("Dottorato di ricerca", "it", "8", ""),
    ("Dottorato", "it", "8", ""),
    ("Doutorado", "pt", "8", "Brazilian doctorate"),
    ("Doutoramento", "pt", "8", "Portuguese doctorate"),
    ("博士", "zh", "8", "same spelling in Japanese"),
    ("博士研究生", "zh", "8", "doctoral postgraduate"),
    ("博士学位", "zh", "8", ""),
    ("工学博士", "zh", "8", "Doctor of Engineering"),
    ("博士（工学）", "ja", "8", "Japanese doctorate with field in full-width brackets"),
    ("박사", "ko", "8", ""),
    ("Кандидат наук", "ru", "8", "Candidate of Sciences: ISCED 8"),
    ("Доктор наук", "ru", "8", "Doctor of Sciences (higher doctorate): ISCED 8"),
    ("Doctoraat", "nl", "8", ""),
    ("Doktorsexamen", "sv", "8", ""),
    # ---- not a degree
    ("Computer Science", "en", "", "a field, not a degree"),
    ("Stanford University", "en", "", "an institution, not a degree"),
    ("High School Diploma", "en", "", "secondary (ISCED 3), not a tertiary degree"),
    ("Postdoc", "en", "", "a position, not a degree"),
    ("Professor", "en", "", "a title, not a degree"),
    ("Coursera certificate", "en", "", "a course certificate"),
    ("N/A", "und", "", ""),
    ("in progress", "en", "", ""),
    ("2019", "und", "", "a year"),
    ("asdf", "und", "", "keyboard mash"),
    ("", "und", "", "empty string"),
    ("-", "und", "", ""),
    ("高中", "zh", "", "senior high school (ISCED 3)"),
]


# Positives whose whitespace the notation above would strip.
WHITESPACE_POSITIVES = [
    (
        "  Stanford   University  ",
        "https://ror.org/00f54p054",
        "en",
        "extra leading, inner and trailing spaces",
    ),
    ("Harvard\tUniversity", "https://ror.org/03vek6s52", "en", "tab between words"),
    ("Peking University\n", "https://ror.org/02v51f717", "en", "trailing newline"),
    ("\u00a0Kyoto University\u00a0", "https://ror.org/02kpeqv85", "en", "no-break spaces"),
    ("清华大学\u3000", "https://ror.org/03cve4549", "zh", "trailing ideographic space"),
]


def build_fields(data: Path) -> list[Row]:
    isced: dict[str, Row] = {}
    with open(data / "isced_f_2013" / "isced_f_2013.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            isced[r["code"]] = r
    cip: dict[str, Row] = {}
    with open(data / "cip_dhs_stem" / "cip2020_nces.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cip[r["cip"]] = r
    dhs = set()
    with open(data / "cip_dhs_stem" / "dhs_stem_list_2024_scipeds.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            dhs.add(r["2020 CIP Code"])
    errors: list[str] = []
    rows: list[Row] = []
    seen: set[str] = set()
    for query, lang, code, cip_code, note in FIELDS:
        if query in seen:
            errors.append(f"duplicate field query {query!r}")
        seen.add(query)
        if not code:
            rows.append(
                dict(
                    query=query, language=lang, isced_f="", stem_isced_f="", stem_dhs="", note=note
                )
            )
            continue
        if code not in isced or len(code) not in (3, 4):
            errors.append(f"{query!r}: ISCED-F code {code!r} unknown or not narrow/detailed")
        for alt in (
            a
            for part in note.split(";")
            if part.strip().startswith("alt=")
            for a in part.strip()[4:].split("|")
        ):
            if alt not in isced:
                errors.append(f"{query!r}: alternative {alt!r} unknown")
        if cip_code not in cip:
            errors.append(f"{query!r}: CIP {cip_code} not in CIP 2020")
            continue
        in_dhs = cip_code in dhs
        if (cip[cip_code]["dhs_stem_2024"] == "1") != in_dhs and cip[cip_code]["level"] == "6":
            errors.append(f"{query!r}: the two DHS transcriptions disagree on {cip_code}")
        title = cip[cip_code]["title"]
        if cip_code == "01.0000":
            title = "Agriculture, General"
        cip_note = f"CIP {cip_code} {title}"
        if note.lower() == title.lower():  # an English gloss identical to the CIP title
            note = ""
        rows.append(
            dict(
                query=query,
                language=lang,
                isced_f=code,
                stem_isced_f="true" if code[:2] in ("05", "06", "07") else "false",
                stem_dhs="true" if in_dhs else "false",
                note=f"{cip_note}; {note}" if note else cip_note,
            )
        )
    if errors:
        raise SystemExit("fields:\n  " + "\n  ".join(errors))
    return rows


def build_degrees() -> list[Row]:
    errors: list[str] = []
    rows: list[Row] = []
    seen: set[str] = set()
    for query, lang, level, note in DEGREES:
        if query in seen:
            errors.append(f"duplicate degree query {query!r}")
        seen.add(query)
        if level not in ("", "5", "6", "7", "8"):
            errors.append(f"{query!r}: level {level!r}")
        rows.append(dict(query=query, language=lang, isced_level=level, note=note))
    if errors:
        raise SystemExit("degrees:\n  " + "\n  ".join(errors))
    return rows


def write_csv(path: Path, rows: list[Row], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r[c] for c in columns})


def _table(counter: collections.Counter[str], head: tuple[str, str]) -> str:
    lines = [f"| {head[0]} | {head[1]} |", "|---|---:|"]
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"| {k or '(empty)'} | {v} |")
    return "\n".join(lines)


def write_readme(
    path: Path, inst: list[Row], fields: list[Row], degrees: list[Row], recs: dict[str, Record]
) -> None:
    pos = [r for r in inst if r["expected_id"]]
    neg = [r for r in inst if not r["expected_id"]]
    n_inst = len({r["expected_id"] for r in pos})
    with_country = sum(1 for r in inst if r["country"])
    region = collections.Counter(recs[r["expected_id"]]["country_code"] for r in pos)
    n_field_dis = sum(1 for r in fields if r["isced_f"] and r["stem_isced_f"] != r["stem_dhs"])
    text = README_TEMPLATE.format(
        n_inst_rows=len(inst),
        n_pos=len(pos),
        n_neg=len(neg),
        n_inst=n_inst,
        n_countries=len(region),
        with_country=with_country,
        pct_country=round(100 * with_country / len(inst)),
        inst_cat=_table(collections.Counter(r["category"] for r in inst), ("category", "rows")),
        inst_lang=_table(collections.Counter(r["language"] for r in inst), ("language", "rows")),
        inst_country=", ".join(f"{k} {v}" for k, v in region.most_common()),
        n_fields=len(fields),
        field_lang=_table(collections.Counter(r["language"] for r in fields), ("language", "rows")),
        field_broad=_table(
            collections.Counter(r["isced_f"][:2] for r in fields), ("ISCED-F broad field", "rows")
        ),
        field_stem=_table(
            collections.Counter(
                f"isced={r['stem_isced_f'] or '-'} dhs={r['stem_dhs'] or '-'}" for r in fields
            ),
            ("STEM (ISCED-F, DHS)", "rows"),
        ),
        n_field_dis=n_field_dis,
        n_field_narrow=sum(1 for r in fields if len(r["isced_f"]) == 3),
        n_field_alt=sum(1 for r in fields if "alt=" in r["note"]),
        n_degrees=len(degrees),
        deg_level=_table(
            collections.Counter(r["isced_level"] for r in degrees), ("ISCED level", "rows")
        ),
        deg_lang=_table(collections.Counter(r["language"] for r in degrees), ("language", "rows")),
    )
    path.write_text(text, encoding="utf-8")


README_TEMPLATE = """\
# Labelled evaluation sets for the resolvers

Three hand-labelled sets to measure the institution, field and degree resolvers
(`visarules resolve institution|field|degree`). They were written independently of the
project's mapping tables: `src/visarules/data/*.yaml` and `src/visarules/resolve/*.py` were
not read while making them, so a resolver cannot have been tuned to them by construction.

All three are UTF-8 CSV with a header, written by Python's `csv` module (fields with
commas, quotes, tabs or newlines are quoted; line ends are `\\n`). Read them with
`csv.DictReader(open(path, encoding="utf-8", newline=""))` and do not strip whitespace:
some queries test it, and one query is the empty string (a dataframe reader would turn
it into null).

They are generated by `tools/make_labelled_sets.py`, which holds every row in a compact
hand-written notation, checks the labels against the upstream data in `../shared/data`
(see "Checks" below) and rewrites these files and this README:

    python tools/make_labelled_sets.py            # rewrite tests/data/*
    python tools/make_labelled_sets.py --check-only

## institutions_labelled.csv ({n_inst_rows} rows)

Columns: `query,country,expected_id,category,language,note`.

- `query`: the text as it might appear in an application or CV.
- `country`: ISO 3166-1 alpha-2 hint, or empty. {with_country} rows ({pct_country} %) carry one. A
  positive whose query other ROR records share carries the hint that decides it (e.g.
  `UCL`+`GB`, `NUS`+`SG`, `Northeastern University`+`US`/`CN`); the only exceptions are
  `MIT`, `ＭＩＴ`, `NUS` and `USTC`, kept without a hint on purpose (see "Decisions on
  acronyms"), and `Georgia Tech`, which ROR also lists as an alias of one of the
  university's own research institutes. On the other rows the hint was set on about half of them by a stable hash of
  the query, so that resolvers are measured both with and without a hint.
- `expected_id`: the full ROR id (`https://ror.org/…`) the resolver should return, or
  empty when it must return no match (`match: null`). Every id was checked to exist in
  `../shared/data/ror/*.jsonl` with status `active`, and its country equals the hint.
- `category`: see below. `language`: language or script of the query (ISO 639-1; `zh`
  for Chinese in either script, `und` when undetermined, `la` for lorem ipsum).
- `note`: why a label is what it is, when that is not obvious (shared names, former names,
  the kind of typo, the well-known institutions an ambiguous string could mean).

{n_pos} positive rows cover {n_inst} institutions in {n_countries} countries/territories; {n_neg} rows are negatives.

{inst_cat}

Categories:

| category | meaning |
|---|---|
| exact_name | the ROR primary name, or a full official name ROR keeps as alias/label (in any language when it is the institution's own primary name, e.g. `Ludwig-Maximilians-Universität München`) |
| short_form | a common shorter or informal form (`Cambridge University`, `UC Berkeley`, `Caltech`, `Todai`), a former official name, or the name with/without a leading "The" |
| acronym | an acronym (`MIT`, `NUS`+`SG`, `UCL`+`GB`, `МГУ`) |
| local_language | the name in another language than the query's English form (German, French, Spanish, Italian, Japanese, Korean, Russian, Arabic, Thai, …) |
| chinese_simplified / chinese_traditional | the Chinese name in simplified / traditional characters, including Chinese names of foreign institutions (`麻省理工学院`) |
| punctuation | abbreviations with dots (`Univ. of Tokyo`), full-width letters (`ＭＩＴ`), hyphens/dashes, curly apostrophes, upper/lower case, extra whitespace, a city appended |
| no_accents | accents dropped or umlauts transliterated (`Ecole Polytechnique Federale de Lausanne`, `Universitaet`) |
| typo | one or two character edits (`Stanfrod University`, `Tsinghau University`, `Max Plank Society`) |
| word_order | library-catalogue inversions (`Technology, Massachusetts Institute of`) |
| negative_fictional | invented institutions in several languages (checked to match no ROR record exactly) |
| negative_company | companies and course platforms (not in the education/facility/government/nonprofit extract) |
| negative_generic | generic words in several languages (`University`, `大学`), city names and person names |
| negative_garbage | empty and whitespace strings, placeholders (`N/A`), keyboard mash, a 3000-character string, 3000 bytes of emoji, control characters, zero-width and bidi characters, injection strings |
| negative_ambiguous | acronyms or names shared by two or more well-known institutions, given without a country (`NTU`, `UCD`, `LMU`, `Northeastern University`); the note lists the candidates |

Rows by language:

{inst_lang}

Positive rows by country of the expected institution: {inst_country}.

### Decisions on acronyms

- Positive without a country when one well-known institution dominates and the other
  holders in ROR are obscure: `MIT` (also Manukau IT, Melbourne IT), `NUS` (also an Iranian
  vocational university), `USTC` (also a university in Chittagong). Each says so in its note.
- Negative (`negative_ambiguous`) without a country when at least two well-known
  institutions share it: `NTU`, `UCD`, `UW`, `MSU`, `NEU`, `USC`, `UT`, `LMU`, `DTU`,
  `UNAM`, `USP`, `CAS`, `KIT`, `JNU`, `UGA`, `UNIGE`, `SMU`, `UAB`, `UPM`, … The same
  acronym with a disambiguating country is a positive (`NTU`+`SG`, `NTU`+`TW`, `LMU`+`DE`).
- Left out: `UCL` without a country (University College London dominates in ROR, but
  UCLouvain used "UCL" until 2018), `CMU` (Carnegie Mellon vs. China Medical University),
  `HUST` (Huazhong vs. Harbin University of Science and Technology, both in China, so a
  country hint does not help), `MSU`+`RU` (two Russian holders in ROR).
- Institutions absent from the ROR extract (e.g. Saint Petersburg State University,
  University of Tehran, Cairo University, IIT Roorkee, Academia Sinica, National Tsing Hua
  University) are not used at all: they can be neither positives (no id to verify) nor
  negatives (they are real).

## fields_labelled.csv ({n_fields} rows)

Columns: `query,language,isced_f,stem_isced_f,stem_dhs,note`.

- `isced_f`: the ISCED-F 2013 detailed code (4 digits), or the narrow code (3 digits,
  {n_field_narrow} rows) when the string spans several detailed fields (`Electrical and
  Electronic Engineering` → `071`) or the detailed field is debatable (`Biotechnology` →
  `051`). A resolver answer is right when it starts with the given code. In {n_field_alt}
  rows the note has `alt=CODE|CODE`: other codes a careful coder could defend (e.g. `Data
  Science` → `0688`, alt `0542|0613`); a benchmark may accept those too.
- `stem_isced_f`: `true` when the ISCED-F broad field is 05, 06 or 07 (derived from `isced_f`).
- `stem_dhs`: `true` when the CIP 2020 code named at the start of `note` is on the DHS STEM
  Designated Degree Program List 2024 (`../shared/data/cip_dhs_stem/dhs_stem_list_2024_scipeds.csv`).
  The CIP code was chosen by hand for each string; the flag is derived from it.
- Rows whose `isced_f` is empty are strings that are not a field of study (`N/A`, a
  degree or an institution name); both STEM columns are empty there.
- {n_field_dis} rows have the two STEM definitions disagree: architecture and planning
  (ISCED yes, DHS no), business analytics, econometrics, experimental/cognitive/I-O
  psychology, archaeology, animation, agronomy, animal science, forestry, pharmaceutical
  sciences, medical laboratory science (DHS yes, ISCED no). Plain psychology, economics,
  agriculture, veterinary medicine, mathematics education and industrial design are STEM
  under neither.

{field_lang}

{field_broad}

{field_stem}

## degrees_labelled.csv ({n_degrees} rows)

Columns: `query,language,isced_level,note`. `isced_level` is the ISCED 2011 level:
5 short-cycle tertiary, 6 bachelor's or equivalent, 7 master's or equivalent, 8 doctoral;
empty for strings that are not a tertiary degree (a field, an institution, a job title,
a secondary-school diploma, placeholders).

Level 7 includes the long first degrees that ISCED 2011 places at master's level: MBBS,
Diplom-Ingenieur / Dipl.-Ing., the Russian specialist diploma, the German Staatsexamen,
the Italian laurea magistrale a ciclo unico, the Portuguese mestrado integrado, and the US
professional-practice doctorates (MD, JD, PharmD, DVM, DDS), which ISCED maps to 7, not 8.

{deg_level}

{deg_lang}

## Checks done by the generator

- Institutions: each expected id exists in the ROR extract, is active, and carries the
  primary name written beside it; a country hint equals the record's country; no positive
  query is an exact (NFKC, case-folded) name, alias, label or acronym of another active
  record in the hinted country, unless the row's note explains why the expected record
  still wins (e.g. `MIT`, the label shared with a withdrawn Helmholtz record); no negative
  other than `negative_ambiguous` names an active record exactly; `(query, country)` is
  unique.
- Fields: every ISCED-F code (and every `alt=` code) exists in
  `../shared/data/isced_f_2013/isced_f_2013.csv`; every CIP code exists in CIP 2020
  (`cip2020_nces.csv`); the two transcriptions of the DHS list agree on it; queries are unique.
- Degrees: levels are 5–8 or empty; queries are unique.
- Independently of the script, negatives were fuzzy-matched (token-set ratio) against all
  ROR names and the university-domains list to make sure the fictional names are not
  near-copies of real institutions, and the traditional-Chinese names were compared with an
  OpenCC conversion of the simplified ones.

## Sources

ROR records (CC0) from `../shared/data/ror/`; ISCED-F 2013 codes and labels (© European
Union, CC BY 4.0, via EuropeanUniversityFoundation/isced_php); CIP 2020 and the DHS STEM
Designated Degree Program List 2024 (US federal works, via scipeds and
cip-stem-intelligence). See `../shared/data/PROVENANCE.md`. The queries, labels and notes
themselves were written for this project.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "data")
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args(argv)

    recs = load_ror(args.data)
    inst = build_institutions(recs)
    fields = build_fields(args.data)
    degrees = build_degrees()
    print(f"institutions {len(inst)}, fields {len(fields)}, degrees {len(degrees)}")
    if args.check_only:
        return 0
    write_csv(
        args.out / "institutions_labelled.csv",
        inst,
        ["query", "country", "expected_id", "category", "language", "note"],
    )
    write_csv(
        args.out / "fields_labelled.csv",
        fields,
        ["query", "language", "isced_f", "stem_isced_f", "stem_dhs", "note"],
    )
    write_csv(
        args.out / "degrees_labelled.csv", degrees, ["query", "language", "isced_level", "note"]
    )
    write_readme(args.out / "README.md", inst, fields, degrees, recs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
