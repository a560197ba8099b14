import { describe, expect, it } from 'vitest';
import { auditSummary } from './index.js';

// Original fictional articles with summary sentences a careful editor would write: each one is
// supported, and none may be flagged. They probe the checks for links, places, titles, groups, dates
// and hedges with the constructions real summaries use.
const ARTICLES: { source: string; supported: string[] }[] = [
  {
    source: `HARLAN — The Harlan water board on Thursday approved a 9 percent rise in water bills from April, the first increase in four years.
Board chair Nadia Koss said the money would pay for new pipes under the old town, where leaks waste about a fifth of the water supplied. “We are losing water we have already paid to clean,” she said.
A spokesman for the regional environment agency, Olav Berg, said the agency had warned the board about the leaks in 2023.
Several residents, including retired teacher Ivo Lamm, said at the meeting that pensioners could not afford higher bills. Mr. Lamm said he would ask the council to help.
The board expects the work to take three years. It will publish a timetable in May.
In a post on social media, councillor Dana Reuss wrote that the rise was “overdue but steep.”`,
    supported: [
      'Water bills in Harlan will rise by 9 percent from April, the first increase in four years.',
      'Nadia Koss, who chairs the water board, said the money would pay for new pipes under the old town.',
      'Leaks under the old town waste about a fifth of the water supplied, according to board chair Nadia Koss.',
      'Environment agency spokesman Olav Berg said the agency had warned the board about the leaks in 2023.',
      'Residents said at the meeting that pensioners could not afford higher bills.',
      'Ivo Lamm, a retired teacher, said he would ask the council to help.',
      'The board expects the work to take three years and will publish a timetable in May.',
      'Councillor Dana Reuss called the rise “overdue but steep” on social media.',
      'Ms. Koss said the board was losing water it had already paid to clean.',
    ],
  },
  {
    source: `BRESKA — Police in Breska arrested two men on Saturday after a break-in at the town museum, where a 17th-century silver cup was stolen on Friday night.
Inspector Tilda Marsh said the cup had been found in a car stopped near the border crossing at Velna. “It is dented, but it is ours again,” she said.
The museum's director, Aron Feld, said the alarm had failed because of a power cut. He said the museum would install a backup battery next month.
The two men, aged 24 and 31, will appear in court in Breska on Monday.
The cup, made in 1652, was given to the town by a merchant family and is insured for 80,000 crowns.`,
    supported: [
      'Police arrested two men on Saturday after a silver cup was stolen from the Breska town museum.',
      'The cup was found in a car stopped near the Velna border crossing, Inspector Tilda Marsh said.',
      'She said the cup was dented but was the town’s again.',
      'Museum director Aron Feld said the alarm had failed because of a power cut, and that a backup battery would be installed next month.',
      'The men, aged 24 and 31, are due in court in Breska on Monday.',
      'The 17th-century cup, insured for 80,000 crowns, was a gift from a merchant family.',
      'According to the museum’s director, a power cut caused the alarm to fail.',
    ],
  },
  {
    source: `TOLVA — The Tolva regional government said on Wednesday it would spend 40 million euros to extend the tram line to the university campus, a project it expects to finish by 2029.
Transport minister Elin Sarr said the extension would carry about 12,000 passengers a day. The opposition's transport spokesman, Ruben Kask, said the money would be better spent on buses.
Construction is due to start next spring. The line will be closed on Sundays during the works, the government said.
Students' union president Maja Holt welcomed the plan. “For years we have waited in the rain for buses that never come,” she said.`,
    supported: [
      'The Tolva regional government plans to spend 40 million euros extending the tram line to the university campus by 2029.',
      'Minister Elin Sarr said about 12,000 passengers a day would use the extension.',
      'Opposition transport spokesman Ruben Kask said the money would be better spent on buses.',
      'Work is due to start next spring, and the line will close on Sundays during construction.',
      'Maja Holt, president of the students’ union, welcomed the plan, saying students had waited for years in the rain for buses.',
      'The government expects the tram extension to be finished by 2029.',
    ],
  },
  {
    source: `VARN — Nurses at Varn General Hospital will strike for 48 hours from Tuesday after talks over pay broke down, their union said on Sunday.
The union's regional secretary, Hedda Brun, said nurses had been offered a 3 percent rise, against inflation of 6 percent. “Nobody goes into nursing for the money, but nobody can live on thanks,” she told a rally outside the hospital.
The hospital's chief executive, Dr. Paul Ostrand, said emergency and maternity care would continue. He said he regretted the strike and remained ready to talk.
About 900 of the hospital's 1,100 nurses are union members. Planned operations will be postponed, the hospital said.
Health minister Karin Lode wrote on social media that the dispute was for the hospital and the union to settle.`,
    supported: [
      'Nurses at Varn General Hospital will strike for 48 hours from Tuesday after pay talks broke down.',
      'Union regional secretary Hedda Brun said nurses had been offered a 3 percent rise while inflation was 6 percent.',
      '“Nobody goes into nursing for the money, but nobody can live on thanks,” Ms. Brun told a rally.',
      'Chief executive Paul Ostrand said emergency and maternity care would continue during the strike.',
      'Dr. Ostrand said he regretted the strike. He said he remained ready to talk.',
      'About 900 of the 1,100 nurses belong to the union, and planned operations will be postponed.',
      'Health minister Karin Lode said on social media that the hospital and the union should settle the dispute.',
      'The strike follows the breakdown of talks over pay, the union said.',
    ],
  },
  {
    source: `ELLSWORTH — The Ellsworth city council voted 7 to 2 on Monday to ban cars from Market Square on weekends from June, after a trial last summer that shop owners said had brought more customers.
Mayor Jonas Hild said the square would be used for markets and concerts. Councillor Anna Brask, who voted against, said residents of the surrounding streets had not been asked.
The Ellsworth Chamber of Commerce, which represents about 400 businesses, welcomed the decision. Its president, Lars Udd, said footfall had risen by 15 percent during the trial.
Delivery vans will still be allowed before 10 a.m.`,
    supported: [
      'Ellsworth will ban cars from Market Square on weekends from June after the council voted 7 to 2 on Monday.',
      'Shop owners said a trial last summer had brought more customers.',
      'Mayor Jonas Hild said the square would be used for markets and concerts.',
      'Anna Brask, a councillor who voted against the ban, said residents of nearby streets had not been consulted.',
      'Chamber of Commerce president Lars Udd said footfall rose by 15 percent during the trial.',
      'The chamber, which represents about 400 businesses, welcomed the decision.',
      'Delivery vans will still be allowed into the square before 10 a.m.',
    ],
  },
  {
    source: `KORSA — A fire destroyed a warehouse at the Korsa docks on Tuesday night, but no one was hurt, the fire service said.
About 60 firefighters fought the blaze for six hours. Fire chief Mirela Dunn said the cause was not yet known and that arson had not been ruled out.
The warehouse, owned by the shipping firm Nordlys, held furniture worth about 2 million euros. Nordlys said in a statement that the goods were insured and that no deliveries would be delayed.
Smoke forced the closure of the coastal road for most of Wednesday. It reopened at 6 p.m.
Dock workers' union leader Sten Aas said the warehouse had failed a fire inspection last year. Nordlys did not respond to a request for comment on the inspection.`,
    supported: [
      'No one was hurt when a fire destroyed a Nordlys warehouse at the Korsa docks on Tuesday night.',
      'About 60 firefighters took six hours to bring the blaze under control.',
      'Fire chief Mirela Dunn said the cause was unknown and arson had not been ruled out.',
      'Nordlys said the furniture in the warehouse, worth about 2 million euros, was insured and deliveries would not be delayed.',
      'The coastal road was closed for most of Wednesday because of the smoke and reopened at 6 p.m.',
      'Union leader Sten Aas said the warehouse had failed a fire inspection last year; Nordlys did not comment.',
    ],
  },
  {
    source: `LUMEN — The Lumen Orchestra will not renew the contract of its music director, Viktor Sand, when it ends in 2027, the orchestra's board said on Friday.
Board chair Greta Vall said the decision followed "a long and friendly conversation" and that Mr. Sand would conduct the orchestra's tour of Japan next spring.
Mr. Sand, 71, has led the orchestra since 2009. He said he was proud of what the musicians had achieved and looked forward to guest conducting.
The board has not named a successor. Ms. Vall said a search committee would report by the end of the year.`,
    supported: [
      'The Lumen Orchestra will not renew music director Viktor Sand’s contract when it ends in 2027.',
      'Board chair Greta Vall said the decision followed “a long and friendly conversation.”',
      'Mr. Sand will still conduct the orchestra’s tour of Japan next spring, Ms. Vall said.',
      'Viktor Sand, 71, who has led the orchestra since 2009, said he was proud of what the musicians had achieved.',
      'No successor has been named; a search committee will report by the end of the year.',
      'He said he looked forward to guest conducting.',
    ],
  },
  {
    source: `ODRA — The Odra city council on Tuesday approved a new bus route linking the north estates with the hospital, which will start running on March 2.
The route was proposed last year by residents of the Hallby estate, who collected 3,000 signatures. Transport councillor Ruth Pell said buses would run every 20 minutes on weekdays.
On Wednesday, the bus operator, Linjebuss, said it had hired eight new drivers for the route. Its spokeswoman, Siri Alm, said fares would stay the same.
Some drivers said the timetable was too tight. One of them, Ole Berg, said it left no time for traffic.`,
    supported: [
      'The council approved a bus route on Tuesday linking the north estates with the hospital from March 2.',
      'Residents of the Hallby estate, who collected 3,000 signatures, proposed the route last year.',
      'Linjebuss has hired eight new drivers for the route and fares will stay the same, spokeswoman Siri Alm said.',
      'Some drivers said the timetable was too tight.',
      'Buses will run every 20 minutes on weekdays, councillor Ruth Pell said.',
    ],
  },
];

describe('supported sentences an editor would write, on original articles', () => {
  for (const [a, article] of ARTICLES.entries()) {
    it.each(article.supported)(`article ${a + 1}: %s`, (sentence) => {
      const [s] = auditSummary('dev', article.source, sentence).sentences;
      expect([s!.verdict, s!.findings.map((f) => `${f.kind}: ${f.detail}`)]).toEqual(['supported', []]);
    });
  }
});
