// Demo seed content for Republish Desk.
// Everything in this file is original, fictional writing: "The Harbour Ledger",
// the city of Port Aldery and every person named here are invented.

export type DemoAsset = { url: string; caption: string; credit: string; rightsHolder: string };

export type DemoArticle = {
  slug: string;
  title: string;
  standfirst: string;
  bodyHtml: string;
  authors: string[];
  section: string;
  tags: string[];
  publishedAt: string;
  rightsStatus: 'owned' | 'contributor' | 'syndicated_in';
  premiumMilli?: number;
  embargoUntil?: string;
  assets: DemoAsset[];
};

export const PUBLISHER = {
  name: 'The Harbour Ledger',
  domain: 'harbourledger.example',
  baseUrl: 'https://harbourledger.example',
};

export const demoArticles: DemoArticle[] = [
  // ───────────────────────────── Politics ─────────────────────────────
  {
    slug: 'council-passes-budget-after-all-night-session',
    title: 'Council passes budget after all-night session splits harbour wards',
    standfirst:
      "Port Aldery's councillors approved a £412m spending plan at 5.40am, but only after a late amendment moved money from road resurfacing to flood defences in the low-lying harbour wards.",
    bodyHtml: `<p>Port Aldery City Council approved its budget for the coming year shortly before dawn on Thursday, ending a marathon meeting that began at six the previous evening and at one point looked likely to collapse altogether.</p>
<p>The final vote was 27 to 22, with three abstentions. The £412m plan keeps council tax rises to 3.9 per cent, protects library opening hours and funds a modest expansion of the school breakfast programme. But it was an amendment tabled after midnight that dominated the night.</p>
<h2>Roads or walls</h2>
<p>Councillor Bryony Teague, who represents Quayside ward, proposed moving £6.8m from the city-wide road resurfacing programme into flood defences along the inner harbour. Residents of Quayside, Saltmarsh and Old Dock have seen their streets flooded four times in the past two winters, she told the chamber, and patience had run out.</p>
<blockquote>We are being asked to smooth the potholes on roads that will be under water by February. I would rather my constituents had dry kitchens.</blockquote>
<p>Opponents, largely from the hillside wards to the north, argued that the resurfacing backlog was already dangerous and that the flood money should come from the national coastal fund instead. Councillor Aled Moreby called the amendment "a raid on everybody to pay for somebody", a remark that drew jeers from the public gallery.</p>
<p>The amendment passed by a single vote after two members of the ruling group broke ranks. Council leader Imogen Faraday, who had initially opposed the change, said afterwards that the outcome was "democracy doing its slightly sleepy best".</p>
<p>The budget also confirms a 12 per cent cut to the events grant, which funds the summer festival programme, and freezes recruitment in the planning department until September. Unions representing council staff said they would seek urgent talks about the freeze, warning that the planning backlog already stretched to eleven weeks.</p>
<p>Work on the first section of the new harbour wall, between the fish market and the ferry ramp, is expected to begin in the spring. The council will publish a detailed schedule next month.</p>`,
    authors: ['Callum Dunmore'],
    section: 'Politics',
    tags: ['council', 'budget', 'flooding'],
    publishedAt: '2026-02-27T07:15:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/council-chamber.svg',
        caption: 'Councillors in the Port Aldery chamber during the overnight budget debate.',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'ferry-fare-freeze-becomes-election-battleground',
    title: 'Ferry fare freeze becomes the battleground of the mayoral race',
    standfirst:
      'All three leading candidates now promise to hold cross-harbour ferry fares, but none has said clearly where the money would come from.',
    bodyHtml: `<p>For a city split in two by water, it was perhaps inevitable that the mayoral election would be fought on the ferry ramp. With eight weeks to go, every leading candidate has pledged to freeze fares on the cross-harbour service, which carries roughly 19,000 passengers on a typical weekday.</p>
<p>The pledge was first made by the independent candidate, Rosalind Achterberg, a former headteacher from the Eastside estate, who said a single return now cost a family of four more than a weekly shop of bread and milk. Within a fortnight, both party candidates had followed suit.</p>
<h2>The missing sums</h2>
<p>The difficulty is arithmetic. The ferry company, which operates under a contract with the city, is entitled to an inflation-linked rise each April. The Ledger estimates that holding fares for four years would cost between £9m and £14m, depending on fuel prices and passenger numbers.</p>
<p>Ms Achterberg says she would fund the freeze by renegotiating the operator's contract when it comes up for renewal. Tobias Mwangi, standing for the governing party, would use a share of the new cruise passenger levy. Harriet Colquhoun, for the opposition, has proposed a temporary surcharge on harbour car parks.</p>
<p>None of the plans has been independently costed. The city's chief finance officer declined to comment during the election period.</p>
<blockquote>Everyone wants to be photographed on the ferry. Nobody wants to be photographed with the spreadsheet.</blockquote>
<p>That was the verdict of Dr Anjali Pereira, who lectures in public policy at Aldery University and has studied transport subsidies in coastal cities. She added that fare freezes tend to be popular but often lead to cuts in frequency later on, which hurt shift workers who depend on early and late crossings.</p>
<p>Passengers the Ledger spoke to on the 7.10am crossing were broadly sceptical. "They say this every time," said one nurse travelling to the General. "Then the timetable gets thinner and thinner."</p>
<p>Hustings on transport will be held at the Seafarers' Hall on 14 April. Questions can be submitted in advance through the Ledger's website.</p>`,
    authors: ['Hannah Okonjo-Reeve'],
    section: 'Politics',
    tags: ['election', 'transport', 'ferries'],
    publishedAt: '2026-03-19T06:30:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/ferry-terminal.svg',
        caption: 'Passengers queue for the early cross-harbour ferry at the Quayside terminal.',
        credit: 'Photo: Reuters/Tomas Lindqvist',
        rightsHolder: 'Reuters',
      },
    ],
  },
  {
    slug: 'boundary-review-redraws-eastside',
    title: 'Boundary review would split Eastside estate across three wards',
    standfirst:
      'Draft proposals from the boundary commission have angered residents who say their community is being carved up for the convenience of a spreadsheet.',
    bodyHtml: `<p>Residents of the Eastside estate have launched a petition against draft ward boundaries that would divide the estate, home to around 6,000 people, between three separate council wards.</p>
<p>The proposals, published last week by the regional boundary commission, aim to even out the number of voters per councillor across Port Aldery. Rapid housebuilding on the former gasworks site has left some northern wards with nearly twice as many electors as others.</p>
<p>Under the draft map, the eastern half of the estate would join Saltmarsh ward, the tower blocks along Cable Street would move into Old Dock, and the remainder would stay in a shrunken Eastside ward. The community centre, the primary school and the estate's only pharmacy would each end up in a different ward.</p>
<h2>"We would be nobody's priority"</h2>
<p>Precious Adeyemi, who chairs the Eastside Tenants' Association, said the change would leave residents as a minority in every ward they were placed in.</p>
<blockquote>Right now, when the lifts break, three councillors answer to us. Under this map, we would be the far corner of somebody else's patch. We would be nobody's priority.</blockquote>
<p>The commission said it was required by law to keep ward sizes within ten per cent of the average and that it had tried to follow natural boundaries such as the railway and the harbour inlet. A spokesperson stressed that the map was a draft and that every submission would be read.</p>
<p>Local councillors from all parties have signalled sympathy with the residents, though privately some acknowledge that any alternative will push the problem elsewhere. One option under discussion would move the ward boundary north to include the new gasworks flats, keeping the estate whole but making the ward one of the largest in the city.</p>
<p>The consultation closes on 30 April. The petition had gathered just over 1,800 signatures by Monday evening, and the tenants' association is planning a public meeting at the community centre next Thursday.</p>`,
    authors: ['Callum Dunmore'],
    section: 'Politics',
    tags: ['council', 'housing', 'election'],
    publishedAt: '2026-04-06T09:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'port-authority-contracts-investigation',
    title: 'Port authority handed £31m of work to firms linked to its own board, Ledger finds',
    standfirst:
      "A six-month Ledger investigation found that a third of the port authority's largest contracts went to companies with ties to serving board members, often without open tender.",
    bodyHtml: `<p>The Port Aldery Harbour Authority awarded at least £31m of contracts over five years to companies connected to members of its own board, according to an investigation by The Harbour Ledger.</p>
<p>Reporters examined 214 contracts worth more than £100,000 each, cross-referencing them against company filings, declarations of interest and land registry records. In 38 cases, the winning firm had a director, shareholder or close family member who also sat on the authority's board at the time of the award.</p>
<h2>Declared, but not examined</h2>
<p>In most of those cases the board member concerned had declared an interest, and the minutes record that they left the room for the vote. But the Ledger found that 22 of the 38 contracts were awarded without an open tender, under an emergency procedure intended for storm damage and urgent safety work.</p>
<p>Among them was a £4.2m dredging contract awarded to Breakwater Marine Services in the summer of 2023, a period with no recorded storm damage. Breakwater's managing director is the brother-in-law of a long-serving board member. The authority's own engineering report, obtained by the Ledger, described the dredging as "desirable within three to five years".</p>
<blockquote>Leaving the room is not the same as having no influence. When the same handful of names keep winning, the process deserves a much harder look.</blockquote>
<p>That assessment came from Margaret Oyelaran, a former public procurement auditor who reviewed the Ledger's findings. She said the pattern did not in itself prove wrongdoing but that the use of emergency procedures was "very difficult to justify" in several cases.</p>
<h2>The authority responds</h2>
<p>In a statement, the harbour authority said all contracts had been awarded lawfully and that conflicts of interest were "managed rigorously in line with our governance code". It said emergency procedures were sometimes necessary to keep the working harbour open to shipping and that it would review the Ledger's findings "with care".</p>
<p>Breakwater Marine Services said it had won its contracts on merit and price. The city council's audit committee has asked the authority's chief executive to appear before it next month.</p>`,
    authors: ['Sadia Rahimi', 'Owen Tremayne'],
    section: 'Politics',
    tags: ['investigation', 'port-authority', 'procurement'],
    publishedAt: '2026-05-11T05:00:00Z',
    rightsStatus: 'owned',
    premiumMilli: 1500,
    assets: [
      {
        url: '/demo/port-authority-hq.svg',
        caption: 'The Harbour Authority headquarters on Admiralty Wharf.',
        credit: 'Photo: Ewan Kilbride / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
      {
        url: '/demo/container-cranes.svg',
        caption: 'Cranes at the Port Aldery container terminal, where several of the contracts were carried out.',
        credit: 'Getty Images',
        rightsHolder: 'Getty Images',
      },
    ],
  },
  {
    slug: 'youth-council-holds-first-sitting',
    title: 'Youth council holds first sitting and asks for a seat on the transport board',
    standfirst:
      'Twenty-four members aged 14 to 18 met in the council chamber for the first time, and wasted no time making demands.',
    bodyHtml: `<p>Port Aldery's first elected youth council met on Saturday in the same chamber where the city's adult councillors sit, and within an hour had passed a motion calling for a voting seat on the regional transport board.</p>
<p>The 24 members, aged between 14 and 18, were elected in February through a vote held in secondary schools and colleges. Turnout was 61 per cent, a figure several adult councillors noted ruefully was higher than at the last local election.</p>
<p>The transport motion was proposed by 16-year-old Keziah Ramsbottom, who travels an hour each way from the northern villages to her college on the harbour front. She said young people made up a large share of bus passengers but had no say in routes or fares.</p>
<blockquote>Half the people on my bus are in school uniform. Not one of us has ever been asked what time the last bus should leave.</blockquote>
<h2>Serious business, and biscuits</h2>
<p>The meeting was chaired by 17-year-old Danyal Quereshi, who kept order with a firmness that visibly impressed the council's chief executive, watching from the gallery. Other motions called for free swimming lessons at the lido for all primary pupils and for the council to publish a plain-language version of its budget.</p>
<p>Not everything went smoothly. A debate about the closing time of the central library ran well over its allotted slot, and a motion on school uniform costs was withdrawn after members realised it fell outside the council's powers.</p>
<p>The youth council has no formal powers of its own, but the city council has committed to responding in writing to every motion it passes within 60 days. Council leader Imogen Faraday said she would take the transport request to the regional board personally.</p>
<p>The youth council will meet four times a year. Its next sitting, in July, will focus on housing and the cost of renting.</p>`,
    authors: ['Hannah Okonjo-Reeve'],
    section: 'Politics',
    tags: ['council', 'young-people', 'transport'],
    publishedAt: '2026-06-08T11:20:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/youth-council.svg',
        caption: 'Members of the youth council before their first sitting.',
        credit: 'Reader photo: Gwen Ashcombe',
        rightsHolder: 'Gwen Ashcombe',
      },
    ],
  },
  {
    slug: 'opinion-port-aldery-needs-a-night-mayor',
    title: 'Opinion: Port Aldery needs a night mayor before its evenings go dark',
    standfirst:
      'The city plans meticulously for its working day and barely at all for its nights. A freelance writer and former harbourmaster argues that should change.',
    bodyHtml: `<p>I spent eleven years as a harbourmaster, and most of my working life happened after dark. Fishing boats come in at three in the morning. Cargo does not wait for office hours. The people who clean, cook, nurse and unload in this city keep it running while the rest of us sleep. Yet Port Aldery has no one whose job it is to think about the night.</p>
<p>Look at the evidence. The last cross-harbour ferry leaves at 11.15pm, stranding hospital staff coming off late shifts. Street lighting on the waterfront is being dimmed to save money. Three of the city centre's music venues have closed since 2023, two after noise complaints from new flats built next door to them.</p>
<h2>A modest proposal</h2>
<p>Other cities have tried a simple fix: appoint a night mayor, or a night-time commissioner, with a small budget and a clear brief. The role is not glamorous. It means sitting between licensing officers, transport planners, police, venue owners and residents, and finding arrangements that let a city be both lively and liveable.</p>
<p>Such a post could push for a late ferry on Fridays and Saturdays, agree sensible soundproofing rules before flats go up beside venues rather than after, and make sure night workers are counted when services are planned.</p>
<blockquote>A city that only plans for daylight is planning for half its people.</blockquote>
<p>Critics will say this is another salaried post the city cannot afford. I would answer that the night economy already costs us, in lost venues, in unsafe journeys home, in exhausted workers who cannot get across the water. A coordinator who saves one venue or prevents one assault would more than earn the salary.</p>
<p>The next mayor will take office in May. Whoever wins should make the night someone's job. The harbour never sleeps; it is time the town hall stayed awake with it.</p>
<p><em>Joss Abernethy is a former Port Aldery harbourmaster and writes about maritime life. The views expressed are his own.</em></p>`,
    authors: ['Joss Abernethy'],
    section: 'Politics',
    tags: ['opinion', 'nightlife', 'transport'],
    publishedAt: '2026-04-22T18:00:00Z',
    rightsStatus: 'contributor',
    assets: [],
  },
  // ──────────────────────────── Environment ───────────────────────────
  {
    slug: 'lake-carrow-survey-finds-rare-aquatic-plant',
    title: 'Lake Carrow survey finds rare plant clinging on beneath the surface',
    standfirst:
      'Volunteer divers and botanists mapped the lake bed for the first time in thirty years and found a fragile underwater meadow that had been presumed lost.',
    bodyHtml: `<p>A survey of Lake Carrow, the upland reservoir that supplies much of Port Aldery's drinking water, has found a small population of a rare aquatic plant that ecologists feared had vanished from the lake decades ago.</p>
<p>The survey, carried out over six weekends by the Aldery Naturalists' Society with help from a volunteer diving club, mapped the lake bed in a grid of 400 squares. In a shallow, stony bay on the western shore, the divers found a patch of quillwort, a slow-growing plant with stiff, quill-like leaves that lives entirely underwater and needs clear, nutrient-poor water to survive.</p>
<h2>A sensitive indicator</h2>
<p>Dr Morwenna Pascoe, the society's botanical recorder, said the find was significant because the plant is highly sensitive to pollution and silt. It was last recorded in the lake in 1994, before a period when fertiliser run-off from surrounding farmland caused repeated algal blooms.</p>
<blockquote>Finding it again is a small miracle. It tells us the water in that bay has recovered to something close to its old clarity. It also tells us how little it would take to lose it again.</blockquote>
<p>The patch covers roughly 40 square metres. The divers also recorded healthy stands of stoneworts and several freshwater sponges, both regarded as signs of good water quality.</p>
<p>The water company that manages the reservoir said it was "delighted" by the findings and would review its maintenance schedule to avoid disturbing the western bay. A planned upgrade to the nearby boat launch will now be redesigned.</p>
<p>Not all the news was good. The survey found invasive pondweed spreading along the eastern shore, near a car park popular with anglers, and a build-up of silt near the inflow stream that may be linked to forestry work upstream.</p>
<p>The society will present its full report at a public meeting at the Central Library next month, and is looking for more volunteers, with or without diving experience, for a follow-up survey in the autumn.</p>`,
    authors: ['Ines Varga'],
    section: 'Environment',
    tags: ['wildlife', 'water-quality', 'volunteers'],
    publishedAt: '2026-07-14T08:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/lake-carrow.svg',
        caption: 'The western bay of Lake Carrow, where the rare plant was found.',
        credit: 'Photo: Priya Castellane / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'seagrass-restoration-harbour-mouth',
    title: 'Volunteers plant 60,000 seagrass seeds at the harbour mouth',
    standfirst:
      'A three-year project hopes to bring back the underwater meadows that once sheltered young fish off Gull Point.',
    bodyHtml: `<p>More than two hundred volunteers spent the weekend stitching seagrass seeds into hessian bags on the beach at Gull Point, before divers planted them on the sandy seabed at the mouth of the harbour.</p>
<p>The planting is the first phase of a three-year restoration project led by the Aldery Coast Trust. Seagrass once covered an estimated 90 hectares of the outer harbour, according to nineteenth-century charts, but disease, dredging and boat moorings reduced it to a few scattered patches by the 1980s.</p>
<h2>Nurseries for fish</h2>
<p>Seagrass meadows act as nurseries for young fish, including the pollack and bass that local boats depend on. They also trap sediment, calm waves and store carbon in the seabed at a rate many times faster than the same area of forest.</p>
<p>Project lead Kofi Ballantyne said the seeds had been collected last summer from a healthy meadow further along the coast and stored in cold seawater tanks over the winter.</p>
<blockquote>We are not expecting miracles in year one. If a fifth of these seeds take, we will be very happy. What matters is that the harbour starts to remember what it used to be.</blockquote>
<p>The trust has worked with the harbour authority and local sailing clubs to install eco-moorings, which float above the seabed instead of dragging heavy chains across it. Twelve have been fitted so far, with another thirty planned.</p>
<p>Some fishermen were initially wary, worried that the project would lead to restrictions on where they could work. Ballantyne said those conversations had been "frank but useful" and that no new fishing limits were proposed.</p>
<p>Divers will monitor the site monthly. Anyone interested in volunteering for next year's seed collection can sign up through the trust's website.</p>`,
    authors: ['Ines Varga'],
    section: 'Environment',
    tags: ['wildlife', 'harbour', 'volunteers'],
    publishedAt: '2026-05-03T10:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/seagrass-divers.svg',
        caption: 'Volunteers prepare seed bags on the beach at Gull Point.',
        credit: 'Reader photo: Lowenna Trethewey',
        rightsHolder: 'Lowenna Trethewey',
      },
    ],
  },
  {
    slug: 'storm-surge-barrier-consultation',
    title: 'Storm surge barrier: three designs, one very big bill',
    standfirst:
      'The public consultation on protecting Port Aldery from rising seas opens this week. Here is what each option would mean for the city.',
    bodyHtml: `<p>Port Aldery residents will this week be asked to choose between three ways of protecting the city from storm surges, in what engineers describe as the most consequential infrastructure decision the city has faced since the harbour was rebuilt after the war.</p>
<p>The consultation follows the surge of last November, when a combination of spring tides and a deep Atlantic low pushed water over the quay walls and into more than 300 homes and businesses.</p>
<h2>Option one: a moving barrier</h2>
<p>The most ambitious proposal is a set of steel gates across the harbour entrance that would lie on the seabed most of the time and rise during surge warnings. It would protect the widest area but is estimated to cost £780m and take nine years to build. Shipping would be halted each time the gates were raised.</p>
<h2>Option two: higher walls</h2>
<p>The second option would raise and strengthen the existing quay walls by up to 1.6 metres, at an estimated cost of £310m. It is quicker and cheaper but would change the look of the waterfront dramatically and cut off views of the water from street level.</p>
<h2>Option three: managed retreat</h2>
<p>The third and most controversial option combines lower defences with the gradual relocation of some homes in the most exposed streets of Saltmarsh, turning parts of the area into a tidal park. Its supporters say it is the only plan that remains viable as sea levels keep rising.</p>
<blockquote>There is no option here that costs nothing. The cheapest choice of all, in the short term, is to do nothing, and that is also the most expensive one in the long term.</blockquote>
<p>That was the view of Professor Eilidh Garvie, a coastal engineer at Aldery University who advised the council on the designs. The consultation runs until 31 August, with drop-in sessions at libraries across the city.</p>`,
    authors: ['Rory Blackwood'],
    section: 'Environment',
    tags: ['climate', 'flooding', 'harbour'],
    publishedAt: '2026-06-16T07:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/storm-barrier.svg',
        caption: "Waves break over the outer harbour wall during last November's surge.",
        credit: 'AFP photo',
        rightsHolder: 'AFP',
      },
    ],
  },
  {
    slug: 'sewage-overflows-investigation',
    title: 'Sewage spilled into the harbour on 212 days last year, records show',
    standfirst:
      "A Ledger investigation into monitoring data reveals that overflows near the city's most popular swimming beaches ran far more often than the water company has publicly acknowledged.",
    bodyHtml: `<p>Untreated sewage flowed into Port Aldery's harbour and coastal waters on 212 days last year, according to monitoring records analysed by The Harbour Ledger, more than three times the figure cited by the water company in its public annual summary.</p>
<p>The Ledger obtained hour-by-hour data from 31 storm overflow outlets across the city under environmental information rules. Storm overflows are designed to release diluted sewage during heavy rain to prevent flooding of homes, and are meant to be used only in exceptional circumstances.</p>
<h2>Dry-day spills</h2>
<p>The data shows that the outfall at Fennick Cove, a few hundred metres from the city's busiest bathing beach, discharged for a total of 1,140 hours last year. On 19 of those days, the nearest rain gauge recorded no rainfall at all, which experts say suggests the overflow was being used to compensate for a lack of treatment capacity rather than for storms.</p>
<blockquote>Dry-day spills are the clearest red flag there is. If sewage is coming out when it has not rained, the system is simply not coping.</blockquote>
<p>That was the assessment of Dr Ruaridh Fenwick, a hydrologist who reviewed the data for the Ledger. He said the overflows at Fennick Cove and at the inner harbour outfall behind the fish market were among the most active he had seen for a city of Port Aldery's size.</p>
<p>The water company's annual summary reported "discharge events" rather than days, and counted any spills within a 24-hour window as a single event, which produced a much lower headline figure.</p>
<h2>What the company says</h2>
<p>In a statement, Aldery Water said it was investing £96m over five years to increase storage and treatment capacity and that "every spill is one too many". It said the dry-day discharges were under investigation and may have been caused by faulty monitors or groundwater entering the sewers.</p>
<p>The environmental regulator said it was aware of the Ledger's findings and was "considering them carefully". Swimmers' groups have called for the company's bonus payments to be suspended until spills fall.</p>`,
    authors: ['Sadia Rahimi', 'Ines Varga'],
    section: 'Environment',
    tags: ['investigation', 'water-quality', 'harbour'],
    publishedAt: '2026-08-24T05:00:00Z',
    rightsStatus: 'owned',
    premiumMilli: 1500,
    assets: [
      {
        url: '/demo/outfall-pipe.svg',
        caption: 'The storm overflow outfall at Fennick Cove at low tide.',
        credit: 'Photo: Ewan Kilbride / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'street-trees-heat-map',
    title: 'Heat map shows Old Dock streets run five degrees hotter than leafy suburbs',
    standfirst:
      'Thermal data from a summer of sensors shows which neighbourhoods bake in heatwaves, and they are largely the ones with the fewest trees.',
    bodyHtml: `<p>Streets in Old Dock and the Eastside estate were up to five degrees hotter than those in the leafy suburb of Highcombe during last summer's heatwave, according to a new heat map compiled from 150 temperature sensors across Port Aldery.</p>
<p>The sensors were fixed to lamp posts by volunteers from the Port Aldery Climate Network and recorded temperatures every ten minutes between June and September. The results have been overlaid with satellite data on tree cover, and the pattern is stark.</p>
<h2>Concrete and shade</h2>
<p>Neighbourhoods with less than ten per cent tree canopy were consistently the hottest, particularly at night, when brick and tarmac release the heat they have absorbed during the day. In Old Dock, where streets of terraced houses back on to former warehouse yards, night-time temperatures on the hottest days did not fall below 23 degrees.</p>
<blockquote>Cool nights matter enormously for health. If your body cannot recover overnight, the risk to older people and those with heart conditions rises sharply.</blockquote>
<p>That was the warning from Dr Tamsin Oduya, a public health consultant, who said the map should be used to direct both tree planting and emergency support during heatwaves.</p>
<p>By contrast, the cooler areas were not only those with gardens and parks. Streets close to the harbour benefited from sea breezes in the afternoon, although this effect faded only a few hundred metres inland.</p>
<p>The council has pledged to plant 5,000 street trees by 2030 and said it would use the map to prioritise planting. Campaigners point out that only 640 have been planted so far, and that many streets in Old Dock have narrow pavements and buried cables that make planting difficult and expensive.</p>
<p>The network plans to repeat the exercise next summer with twice as many sensors, including inside a sample of homes.</p>`,
    authors: ['Rory Blackwood'],
    section: 'Environment',
    tags: ['climate', 'trees', 'public-health'],
    publishedAt: '2026-10-02T08:30:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'coastal-erosion-report-saltmarsh-cliffs',
    title: 'Report warns 140 homes on the Saltmarsh cliffs could be lost within 50 years',
    standfirst:
      'An embargoed assessment of coastal erosion around Port Aldery concludes that the city must begin planning now for the loss of homes, roads and a school along its eastern cliffs.',
    bodyHtml: `<p>As many as 140 homes along the cliffs east of Saltmarsh could be lost to erosion within 50 years, according to a new coastal risk assessment commissioned by Port Aldery City Council and seen by The Harbour Ledger.</p>
<p>The report, prepared by a team of coastal geologists and engineers, uses a decade of drone surveys and laser mapping to track how quickly the soft clay cliffs are retreating. In the worst-affected stretch, near Coble Lane, the cliff edge moved inland by an average of 1.8 metres a year over the past decade, roughly double the rate recorded in the 1990s.</p>
<h2>Faster than expected</h2>
<p>The authors attribute the acceleration to a combination of rising sea levels, more intense winter storms and heavier rainfall, which saturates the clay and makes it more likely to slump. They warn that the rates could increase further if the upper end of current sea level projections is reached.</p>
<blockquote>The question is no longer whether this coastline will move, but how we help people move with it.</blockquote>
<p>Alongside the homes, the report identifies a stretch of the coast road, a pumping station and Saltmarsh Cliff Primary School as being at risk within the assessment period. It recommends that the school's long-term future be reviewed within five years.</p>
<p>Defending the whole frontage with rock armour would cost an estimated £190m and, the report says, would likely increase erosion further along the coast by starving neighbouring beaches of sediment. It instead recommends a mix of targeted defences near the harbour entrance and a managed, funded programme of relocation for the most exposed properties.</p>
<p>Residents of Coble Lane told the Ledger they had long suspected the worst. "You can hear it go at night," said one. "A thump, and in the morning the fence is hanging over nothing."</p>
<p>The council will discuss the report at a special meeting and has promised a series of public sessions for affected residents.</p>`,
    authors: ['Rory Blackwood', 'Ines Varga'],
    section: 'Environment',
    tags: ['climate', 'coastal-erosion', 'housing'],
    publishedAt: '2027-06-01T06:00:00Z',
    rightsStatus: 'owned',
    embargoUntil: '2027-06-01T06:00:00Z',
    assets: [
      {
        url: '/demo/cliff-erosion.svg',
        caption: 'Fencing left hanging over the cliff edge near Coble Lane.',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  // ───────────────────────────── Business ─────────────────────────────
  {
    slug: 'shipyard-wins-ferry-order',
    title: 'Carrick shipyard wins its biggest order in two decades',
    standfirst:
      'Two hybrid-electric ferries worth £74m will be built on the Aldery slipways, securing around 400 jobs until at least 2029.',
    bodyHtml: `<p>Carrick &amp; Sons, the last working shipyard on the Port Aldery waterfront, has won a £74m contract to build two hybrid-electric passenger ferries for an island operator, its largest order since 2004.</p>
<p>The deal, confirmed on Tuesday, will secure around 400 jobs at the yard and is expected to support a further 300 among suppliers in the region, from steel fabricators to electrical firms. Work on the first hull will begin in the autumn.</p>
<h2>A yard that nearly closed</h2>
<p>The news marks a remarkable turnaround for a business that came close to closure six years ago, when its workforce fell below 120 and the slipways stood empty for months at a time. Managing director Fiona Carrick, the fourth generation of her family to run the yard, said the company had survived by taking on repair work and small fishing vessels while investing in skills for battery-powered ships.</p>
<blockquote>We made a bet that the ferries of the future would be built by people who had done the training before the orders came in. Today the bet paid off.</blockquote>
<p>The ferries will be able to run on battery power alone for short crossings and in harbour, switching to biofuel generators on longer routes. Each will carry up to 600 passengers and 80 cars.</p>
<p>The yard plans to take on 45 new apprentices this year, double the usual intake, and has reopened a welding school that closed in 2012. The shipbuilders' union welcomed the order but said it wanted guarantees that the apprenticeships would lead to permanent jobs.</p>
<p>Business leaders in the city hope the contract will help Port Aldery bid for a share of the government's coastal shipbuilding fund, due to be allocated next year. "This shows the harbour can still build things, not just ship them," said Colm Heverin, chief executive of the Port Aldery Chamber of Commerce.</p>`,
    authors: ['Theo Marchetti'],
    section: 'Business',
    tags: ['jobs', 'shipbuilding', 'ferries'],
    publishedAt: '2026-03-03T09:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/shipyard-hull.svg',
        caption: 'A hull under construction on the Carrick slipway.',
        credit: 'Photo: Ewan Kilbride / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'fish-market-prices-squeeze-small-boats',
    title: 'Quayside fish market: record prices, but small boats still struggle',
    standfirst:
      "Prices for hake and crab reached new highs this spring, yet the skippers of Port Aldery's smallest boats say fuel and insurance are eating every penny.",
    bodyHtml: `<p>At four in the morning, the Quayside fish market is already loud. Auctioneers call prices, forklifts reverse, and buyers from restaurants across the region squint at boxes of hake, monkfish and brown crab laid out on ice.</p>
<p>This spring, those prices have been higher than ever. Market data shows the average price of hake landed at Port Aldery rose 22 per cent year on year in April, while brown crab reached its highest price since records began in 1998.</p>
<h2>Rising costs</h2>
<p>But skippers of the harbour's smaller boats, those under ten metres, say the good news at the auction has not reached their bank accounts. Marine diesel has almost doubled in price over three years, insurance premiums have climbed, and new electronic reporting rules require equipment that costs several thousand pounds per boat.</p>
<blockquote>People see the price on the board and think we are rolling in it. By the time I have paid for fuel, bait, the crew and the boat loan, I am working for less than minimum wage.</blockquote>
<p>So said Jory Pengelly, who fishes for crab and lobster from a nine-metre boat he inherited from his father. He is one of 46 skippers still working from the inner harbour, down from 81 in 2010.</p>
<p>The larger trawlers, which land most of the market's volume, are better able to absorb the costs, according to the Port Aldery Fishermen's Association. Its secretary, Senara Quick, said the small fleet needed targeted help, such as a shared fuel purchasing scheme, if it was to survive.</p>
<p>The harbour authority, which owns the market building, said it would freeze landing fees for boats under ten metres for the next two years. The council is also considering a "local catch" label for restaurants that buy directly from the small fleet.</p>
<p>For now, the skippers keep going. "The sea is the easy part," said Pengelly. "It is the paperwork and the diesel that will finish us."</p>`,
    authors: ['Theo Marchetti', 'Nadia Ferreira-Lowe'],
    section: 'Business',
    tags: ['fishing', 'jobs', 'harbour'],
    publishedAt: '2026-05-20T06:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/fish-market.svg',
        caption: 'Buyers inspect the morning catch at the Quayside fish market.',
        credit: 'Photo: Priya Castellane / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'high-street-vacancies-fall',
    title: 'Empty shops on Marlow Street fall for the first time in a decade',
    standfirst:
      "A rent-subsidy scheme for new independent businesses has helped cut the vacancy rate on Port Aldery's main shopping street from 24 to 17 per cent.",
    bodyHtml: `<p>The number of empty shops on Marlow Street, Port Aldery's main shopping street, has fallen for the first time in ten years, according to figures published by the city's business improvement district.</p>
<p>Of the 142 units on the street, 24 now stand empty, down from 34 a year ago. That gives a vacancy rate of 17 per cent, still well above the national average but a marked improvement on the low point of 2024.</p>
<h2>What has changed</h2>
<p>Much of the credit is being given to a scheme launched last spring that pays half the rent of new independent businesses for their first year, funded jointly by the council and several large landlords. Twenty-one businesses have opened under the scheme, including a repair café, a record shop, two bakeries and a shop selling second-hand outdoor gear.</p>
<p>Landlords agreed to take part partly because empty units were costing them business rates and insurance while earning nothing. Several have also agreed to shorter, more flexible leases.</p>
<blockquote>Two years ago I would not have dreamed of opening here. The rent was impossible and half the street was boarded up. Now it feels like the street has a pulse again.</blockquote>
<p>That was Amara Lindqvist-Obi, who opened a bicycle repair workshop in a former bank branch in September. She said footfall had risen noticeably since Christmas.</p>
<p>Not everyone is convinced the recovery will last. Several traders pointed out that the subsidy ends after twelve months and that the first cohort of businesses will face full rents from this spring. Two of the 21 have already closed.</p>
<p>The business improvement district said it was lobbying for the scheme to be extended and for a second phase covering the streets running down towards the harbour, where vacancy rates remain above 30 per cent.</p>`,
    authors: ['Nadia Ferreira-Lowe'],
    section: 'Business',
    tags: ['retail', 'jobs', 'council'],
    publishedAt: '2026-01-21T08:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'co-op-bakery-expands-to-third-site',
    title: 'Worker-owned bakery opens third branch and doubles its staff',
    standfirst:
      'Founded in a borrowed church kitchen in 2019, the Rising Tide co-operative now employs 38 people, each of whom owns an equal share.',
    bodyHtml: `<p>Rising Tide, the worker-owned bakery that began life in a borrowed church kitchen, opened its third branch in Port Aldery on Saturday, with a queue that stretched round the corner by eight in the morning.</p>
<p>The new shop, in a former bookmaker's on Tanner's Row, has space for a larger oven and will supply bread to four schools and two care homes under a contract with the council. The co-operative has doubled its staff to 38 in the past year.</p>
<h2>One member, one vote</h2>
<p>Every worker who stays beyond a six-month trial period becomes a member of the co-operative, with an equal vote on decisions and an equal share of any surplus. Pay is set on a ratio: the highest-paid role earns no more than twice the lowest.</p>
<p>Co-founder Bartholomew Nkemelu said the model had been tested in the lean years, when members voted to take a temporary pay cut rather than lose colleagues.</p>
<blockquote>People assume co-ops are slow because everyone gets a say. Actually we move fast, because nobody has to persuade a boss who does not work here.</blockquote>
<p>The bakery has become known for its sourdough made with flour from a mill in the hills above the city and for a seaweed loaf using kelp harvested under licence from the outer harbour. Its staff include several people who came to the bakery through a training programme for adults leaving prison.</p>
<p>The expansion was funded through a community share offer that raised £210,000 from 640 local investors, most of whom put in less than £500. Investors receive a modest annual interest payment but no say in running the business.</p>
<p>The co-operative is now considering a fourth site on the other side of the water, closer to the ferry terminal, and has been approached by a supermarket chain about stocking its bread. Members will vote on both ideas at their annual meeting in June.</p>`,
    authors: ['Theo Marchetti'],
    section: 'Business',
    tags: ['jobs', 'food', 'co-operatives'],
    publishedAt: '2026-04-13T07:45:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/bakery.svg',
        caption: "The queue outside the new Rising Tide bakery on Tanner's Row.",
        credit: 'Reader photo: Ffion Marsh-Kelley',
        rightsHolder: 'Ffion Marsh-Kelley',
      },
    ],
  },
  {
    slug: 'container-shipping-rates-fall-wire',
    title: 'Container shipping rates slide as new vessels flood the market',
    standfirst:
      'Freight costs on major routes have fallen for a fifth consecutive month, easing pressure on importers but squeezing shipping lines that ordered record numbers of ships.',
    bodyHtml: `<p>The cost of shipping a container between Asia and northern Europe has fallen for a fifth consecutive month, as a wave of newly built vessels enters service and demand for goods cools, industry data showed on Wednesday.</p>
<p>The average spot rate for a forty-foot container on the route fell 8 per cent in September compared with August, and is now roughly 40 per cent below its level at the start of the year, according to figures compiled by freight analysts.</p>
<h2>A glut of ships</h2>
<p>Shipping lines ordered a record number of large container ships during the boom years, when rates soared and profits reached historic highs. Many of those vessels are now being delivered, adding capacity at a time when retailers are cautious about restocking.</p>
<blockquote>The industry is paying for its own optimism. There are simply more boxes on the water than there are goods to fill them.</blockquote>
<p>So said Henrike Vasquez-Moll, a maritime economist, who predicted that some older vessels would be sent for scrapping earlier than planned and that lines would cancel more sailings to support prices.</p>
<p>Lower freight costs are expected to feed through to importers over the coming months, which could ease some price pressures on consumer goods. However, analysts cautioned that rates remain vulnerable to sudden disruption, such as port strikes, extreme weather or the closure of key shipping lanes.</p>
<p>For ports, the picture is mixed. Larger ships call less frequently but unload more containers at a time, putting pressure on cranes, storage yards and road and rail links. Several mid-sized ports, including Port Aldery, have reported stable volumes but longer average stays in harbour as lines slow their ships to save fuel.</p>
<p>Shares in several major shipping groups fell on the news, extending losses for the year.</p>
<p><em>This article was supplied by the Coastline Press Association and is republished by The Harbour Ledger under licence.</em></p>`,
    authors: ['Marit Solberg-Hayes'],
    section: 'Business',
    tags: ['shipping', 'trade', 'port-authority'],
    publishedAt: '2026-10-15T12:30:00Z',
    rightsStatus: 'syndicated_in',
    assets: [
      {
        url: '/demo/container-ship.svg',
        caption: 'A container ship leaves port under a grey sky.',
        credit: 'AP Photo/Daniel Okoro',
        rightsHolder: 'The Associated Press',
      },
    ],
  },
  {
    slug: 'tourism-season-best-since-2019',
    title: 'Tourism season is the best since 2019, but locals count the cost',
    standfirst:
      'Hotel occupancy hit 91 per cent in August and cruise calls doubled. Residents of the old town say they are being priced out of their own streets.',
    bodyHtml: `<p>Port Aldery has had its busiest tourist season since 2019, according to figures from the city's visitor bureau, with hotel occupancy reaching 91 per cent in August and cruise ship calls more than doubling to 38.</p>
<p>Visitor spending in the city between June and September is estimated at £186m, up 14 per cent on last year. Restaurants and bars along the harbour front reported their best summer in years, and the maritime museum welcomed a record 9,400 visitors in a single week.</p>
<h2>Full streets, empty homes</h2>
<p>Yet the success has sharpened a debate that has been simmering for several years. In the old town, the narrow streets rising up from the harbour, the number of homes listed as short-term holiday lets has risen to one in five, according to an analysis of listing sites by the residents' group Old Town Living.</p>
<blockquote>My street has eighteen houses. Six are holiday lets. In winter, half the windows are dark. You cannot build a community out of key boxes.</blockquote>
<p>That was Perpetua Vance, who has lived in Chandler's Hill for 34 years. She said she had seen neighbours move out as rents rose and landlords switched to short lets.</p>
<p>Hoteliers argue that tourism supports more than 6,000 jobs in the city and that much of the money stays local. The visitor bureau says it is working to spread visitors across the year, with new winter events and a push to attract conference business.</p>
<p>The council is considering a registration scheme for short-term lets and a small overnight visitor levy, which could raise an estimated £3m a year for housing and public services. A consultation is expected before Christmas.</p>
<p>Cruise visits remain particularly contentious. Some residents complain that passengers crowd the streets for a few hours while spending relatively little, while traders on the quayside say the ships have transformed their summers.</p>`,
    authors: ['Nadia Ferreira-Lowe'],
    section: 'Business',
    tags: ['tourism', 'housing', 'harbour'],
    publishedAt: '2026-09-29T08:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/promenade.svg',
        caption: 'Visitors on the harbour-front promenade in August.',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  // ───────────────────────────── Science ──────────────────────────────
  {
    slug: 'tide-gauge-centenary',
    title: 'A hundred years of tides: the humble gauge that measured a rising sea',
    standfirst:
      'Since 1926, a gauge on the harbour wall has logged the height of the sea every hour. Its record is now one of the most valuable climate datasets on this coast.',
    bodyHtml: `<p>On the end of the north pier, behind a green door that most passers-by never notice, stands one of the longest-running scientific instruments in Port Aldery. For a hundred years this month, the harbour tide gauge has recorded the height of the sea, first on paper rolls and now digitally, every hour of every day.</p>
<p>The original gauge was installed in 1926 to help pilots bring ships safely into the harbour. A float inside a well connected to the sea rose and fell with the tide, moving a pen across a rotating drum of paper. Keepers changed the paper weekly and posted the charts to a records office inland.</p>
<h2>From navigation to climate</h2>
<p>Nobody at the time imagined the record would become a climate archive. But because the gauge has been carefully maintained and regularly checked against fixed benchmarks on land, scientists can use it to separate the daily rhythm of the tides from the slow rise of the sea itself.</p>
<p>Dr Hamish Oyelowo-Grant, an oceanographer at Aldery University who has digitised the early paper charts, said the record showed average sea level in the harbour had risen by about 21 centimetres since 1926.</p>
<blockquote>The first half of the record shows a gentle climb. The last thirty years are noticeably steeper. You do not need a model to see it; it is right there in the ink.</blockquote>
<p>The team spent three years transcribing more than 5,000 weekly charts with the help of volunteers, many of them retired mariners who could read the faded pencil notes in the margins. Those notes record storms, ice in the harbour and, in one case from 1941, a bomb that landed close enough to shake the pen off the drum.</p>
<p>The gauge is now part of a national monitoring network and transmits its data in real time. A small exhibition on its history opens at the maritime museum next week, and the green door on the north pier will be open to visitors for one afternoon only, on Saturday the 21st.</p>`,
    authors: ['Leila Haddad-Price'],
    section: 'Science',
    tags: ['climate', 'harbour', 'heritage'],
    publishedAt: '2026-03-09T10:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/tide-gauge.svg',
        caption: 'The tide gauge house at the end of the north pier.',
        credit: 'Photo: Priya Castellane / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'seaweed-bioplastic-breakthrough',
    title: 'Aldery chemists turn harbour seaweed into packaging that dissolves in a week',
    standfirst:
      'A university team says its kelp-based film could replace some single-use plastic wrappers, though scaling up remains a major hurdle.',
    bodyHtml: `<p>Chemists at Aldery University have developed a thin, transparent packaging film made from farmed kelp that breaks down completely in seawater within about a week, according to research published this month.</p>
<p>The material is made by extracting natural sugars from brown seaweed and combining them with a small amount of a plant-based softener. The resulting film is strong enough to wrap dry foods and can be heat-sealed on standard packaging machines, the researchers report.</p>
<h2>Tested in the harbour</h2>
<p>To test how the film behaves in the real world, the team suspended samples in mesh bags from a pontoon in the harbour for a month. Within seven days, most samples had lost their shape; after three weeks, no trace could be found. Laboratory tests found no harmful residues.</p>
<p>The project's lead, Professor Oluwaseun Delacroix-Byrne, said the idea came from watching students unwrap sandwiches on the quayside.</p>
<blockquote>We have one of the most productive coastlines in the country and we were wrapping our lunch in oil. It seemed worth asking whether the sea could give us something better.</blockquote>
<p>Independent experts welcomed the work but urged caution. Dr Sunniva Hartwell, a materials scientist who was not involved in the study, said many promising biodegradable plastics had failed to reach the market because they were too expensive or did not last long enough on supermarket shelves. The kelp film currently has a shelf life of around four months in dry conditions.</p>
<p>Cost is the other problem. Producing the film in the laboratory costs roughly six times as much as conventional plastic wrap. The team believes that could fall sharply with larger-scale production and is in talks with two seaweed farms along the coast.</p>
<p>The university has filed a patent application and is seeking investment for a pilot production line, which it hopes to build in a vacant unit on the old dockside.</p>`,
    authors: ['Leila Haddad-Price'],
    section: 'Science',
    tags: ['university', 'plastics', 'seaweed'],
    publishedAt: '2026-07-02T09:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/seaweed-lab.svg',
        caption: 'A sample of the kelp-based film in a university laboratory.',
        credit: 'EPA-EFE/Lars Brennecke',
        rightsHolder: 'EPA-EFE',
      },
    ],
  },
  {
    slug: 'observatory-meteor-shower-night',
    title: 'Four hundred stargazers turn out as the observatory switches off the city lights',
    standfirst:
      'For one night, streetlights along the headland were dimmed so residents could watch the peak of the August meteor shower. The astronomers want to make it permanent.',
    bodyHtml: `<p>Shortly after midnight on Wednesday, the streetlights along Beacon Head went out, and four hundred people lying on blankets on the grass let out a collective gasp as the Milky Way appeared above them.</p>
<p>The switch-off was organised by the Port Aldery Astronomical Society, which runs the small observatory on the headland, with agreement from the council. It was timed to coincide with the peak of the annual August meteor shower, when under dark skies watchers can see dozens of shooting stars an hour.</p>
<h2>Counting the streaks</h2>
<p>Volunteers with clipboards asked families to count meteors in fifteen-minute blocks, contributing to an international dataset used by astronomers to study the debris streams left by comets. The busiest block, between 1.15am and 1.30am, produced a count of 31.</p>
<p>Society chair Beatrix Olumide-Hart said the turnout had surpassed every expectation.</p>
<blockquote>Most children in this city have never seen the Milky Way. Tonight a few hundred of them did, and some of them will never forget it. That is how astronomers are made.</blockquote>
<p>The society is now campaigning for the headland to be designated a dark-sky area, which would require the council to fit shielded, warmer-coloured lighting that points downwards. The society argues this would save energy, reduce disturbance to nesting seabirds and protect the view of the night sky.</p>
<p>Light pollution has increased markedly over the city in the past two decades, according to measurements the society has taken from the same spot each winter since 2004. The glow from the container terminal across the harbour is now the single largest source visible from the observatory.</p>
<p>The council said it would consider the request as part of its review of street lighting. The observatory holds public viewing evenings on the first Friday of every month, weather permitting.</p>`,
    authors: ['Wren Calloway'],
    section: 'Science',
    tags: ['astronomy', 'light-pollution', 'volunteers'],
    publishedAt: '2026-08-13T09:30:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/observatory.svg',
        caption: 'The Beacon Head observatory under a dark sky during the switch-off.',
        credit: 'Reader photo: Idris Fenwick-Moore',
        rightsHolder: 'Idris Fenwick-Moore',
      },
    ],
  },
  {
    slug: 'harbour-porpoise-acoustic-study',
    title: 'Underwater microphones reveal porpoises visit the harbour every night',
    standfirst:
      "A year of recordings shows harbour porpoises are regular visitors to Port Aldery's inner waters, mostly after dark when the shipping is quiet.",
    bodyHtml: `<p>Harbour porpoises have been visiting the inner waters of Port Aldery almost every night, according to a year-long study using underwater microphones, surprising researchers who had assumed the animals largely avoided the busy port.</p>
<p>The study, led by marine biologists at Aldery University, placed six acoustic recorders at points between the outer breakwater and the ferry terminal. The devices listen for the rapid clicks that porpoises use to find prey, which are too high-pitched for human ears.</p>
<h2>A night shift</h2>
<p>Porpoise clicks were detected on 341 of the 365 nights of the study, most often between midnight and four in the morning. Detections fell sharply during the day, particularly near the container terminal and the ferry routes.</p>
<p>Dr Caoimhe Abara, who led the research, said the pattern suggested the animals were timing their visits to avoid noise and vessel traffic.</p>
<blockquote>They seem to have learned the harbour's timetable. When the ferries stop, the porpoises come in to feed. It is a remarkable example of wildlife sharing space with a working port.</blockquote>
<p>The recordings also captured the noise from ships, pile driving and dredging. On days when construction work was under way on the new cruise berth, porpoise detections within a kilometre fell by more than 70 per cent.</p>
<p>The researchers say their findings should inform the timing of noisy work in the port. They are recommending that pile driving be limited to daylight hours and that bubble curtains, which dampen underwater noise, be used on large projects.</p>
<p>The harbour authority said it would consider the recommendations as part of its environmental plan. The team is now analysing the recordings for the calls of dolphins and seals, and hopes to extend the study to the estuary next year.</p>`,
    authors: ['Leila Haddad-Price'],
    section: 'Science',
    tags: ['wildlife', 'university', 'harbour'],
    publishedAt: '2026-11-04T08:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'citizen-rain-gauge-network',
    title: "Three hundred back-garden rain gauges are rewriting the city's flood maps",
    standfirst:
      'A citizen science network has shown that rainfall across Port Aldery varies far more than official records suggest, with big implications for flood planning.',
    bodyHtml: `<p>When Gideon Achebe-Ross put a plastic rain gauge on his garden fence in 2021, he did not expect to be changing how the city plans for floods. But he is one of more than three hundred volunteers whose daily readings have revealed that rainfall across Port Aldery is far more uneven than anyone realised.</p>
<p>The network, known as Aldery Rain, was set up by a retired meteorologist and a secondary school geography teacher. Volunteers read their gauges at 9am each day and submit the figures through a simple website. The readings are checked against each other and against the official weather station at the airport.</p>
<h2>A wetter hill</h2>
<p>The results show that the hills to the north of the city receive up to 40 per cent more rain than the airport during summer thunderstorms, because warm, moist air from the sea is forced upwards as it moves inland. On some days, streets a mile apart recorded totals that differed by a factor of three.</p>
<blockquote>The official record told us it rains about the same everywhere in the city. Our volunteers have shown that is simply not true, and it matters, because water runs downhill.</blockquote>
<p>That was Dr Priscilla Thorne-Amadi, the network's co-founder. The heaviest rain falls on the hills that drain directly into the low-lying wards near the harbour, which helps explain why flash flooding there has been worse than models predicted.</p>
<p>The council's drainage engineers have started using the network's data to recalibrate their flood models and to decide where to place new storage tanks. The water company has also asked for access to the readings.</p>
<p>The network is looking for more volunteers, particularly in the Eastside estate and the northern villages where coverage is thin. Gauges cost around £8, and the network provides free ones to schools.</p>`,
    authors: ['Wren Calloway'],
    section: 'Science',
    tags: ['flooding', 'volunteers', 'climate'],
    publishedAt: '2026-01-28T08:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'university-research-funding-cuts',
    title: 'Aldery University to close marine station as research funding shrinks',
    standfirst:
      'The field station at Gull Point, which has trained marine scientists since 1962, will shut next summer unless new money is found, the university has confirmed.',
    bodyHtml: `<p>Aldery University has confirmed it will close its marine field station at Gull Point next summer, ending more than sixty years of research and teaching at the site, as it struggles with a growing budget deficit.</p>
<p>The station, a low stone building with a small laboratory, seawater tanks and a research boat, has hosted thousands of students since it opened in 1962. It is also the base for several long-term monitoring projects, including a weekly plankton survey that has run without interruption since 1971.</p>
<h2>Long records at risk</h2>
<p>Scientists warn that the closure threatens datasets that cannot be replaced. Long-term records are especially valuable for understanding how marine life responds to warming seas, because they reveal trends that short studies miss.</p>
<blockquote>You cannot go back in time and collect the samples you missed. A fifty-year record with a gap in it is a very different thing from a fifty-year record.</blockquote>
<p>So said Dr Ebele Marchbank, who has run the plankton survey for the past fifteen years. She said she was exploring whether volunteers or another institution could continue the sampling from the harbour pontoon.</p>
<p>The university said the station cost around £650,000 a year to run and needed more than £2m of repairs to its sea wall and seawater system. A spokesperson said teaching would move to laboratories on the main campus and that staff would be redeployed where possible.</p>
<p>The decision has prompted an open letter signed by more than 400 scientists and former students, calling on the university to delay the closure while a rescue plan is explored. The Aldery Coast Trust has suggested the building could become a shared facility for research, schools and conservation groups.</p>
<p>The university's governing council will hear representations next month before the closure is finalised.</p>`,
    authors: ['Leila Haddad-Price', 'Fergus Ashby'],
    section: 'Science',
    tags: ['university', 'funding', 'wildlife'],
    publishedAt: '2026-09-09T07:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  // ───────────────────────────── Culture ──────────────────────────────
  {
    slug: 'maritime-museum-reopens',
    title: 'Maritime museum reopens after three-year refit with its figureheads restored',
    standfirst:
      'The Aldery Maritime Museum has doubled its gallery space and brought out objects that have not been on display for half a century.',
    bodyHtml: `<p>After three years behind scaffolding, the Aldery Maritime Museum reopened its doors on Saturday, with a queue stretching along the harbour front and a brass band playing sea songs on the steps.</p>
<p>The £18m refurbishment has converted a neighbouring bonded warehouse into new galleries, doubling the space available to display a collection that includes more than 40,000 objects, from ship models and navigation instruments to letters written by sailors' wives.</p>
<h2>The figurehead hall</h2>
<p>The centrepiece is a double-height hall housing eleven carved ship figureheads, several of which have been in storage since the 1970s. Conservators spent eighteen months removing layers of later paint to reveal the original colours, including the deep blue cloak of a figure known locally as "the Aldery Lady", carved for a merchant ship launched in 1853.</p>
<blockquote>People in this city have been asking about the figureheads for decades. Some of the older visitors remember seeing them as children. We wanted to give them the space they deserve.</blockquote>
<p>That was the museum's director, Cordelia Mbatha-Lowry, who said the refit had also made the building fully accessible for the first time, with lifts to every floor and tactile displays for blind and partially sighted visitors.</p>
<p>A new gallery tells the story of the port's darker history, including the city's role in the transatlantic trade and the harsh conditions faced by dock workers in the nineteenth century. It was developed with community groups and historians over two years.</p>
<p>Another gallery, devoted to the working harbour today, includes recorded interviews with fishermen, crane drivers, pilots and ferry crews. Visitors can listen to them in a reconstructed wheelhouse.</p>
<p>Entry to the permanent galleries remains free. The museum is open from Tuesday to Sunday, and on Thursday evenings until nine.</p>`,
    authors: ['Fergus Ashby'],
    section: 'Culture',
    tags: ['heritage', 'museums', 'harbour'],
    publishedAt: '2026-04-27T08:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/museum-gallery.svg',
        caption: 'Visitors in the new figurehead hall on opening day.',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
      {
        url: '/demo/figurehead.svg',
        caption: 'The restored "Aldery Lady" figurehead, in a handout image released by the museum.',
        credit: 'AFP photo/HO/Aldery Maritime Museum',
        rightsHolder: 'AFP',
      },
    ],
  },
  {
    slug: 'harbour-lights-festival-returns',
    title: 'Harbour Lights festival draws 30,000 to the waterfront despite the drizzle',
    standfirst:
      "Lantern processions, a floating stage and a choir of five hundred marked the return of the city's midwinter festival after a two-year gap.",
    bodyHtml: `<p>A steady drizzle did little to dampen the return of the Harbour Lights festival on Saturday night, as an estimated 30,000 people lined the waterfront to watch a procession of more than 2,000 handmade lanterns wind its way from the cathedral to the quay.</p>
<p>The festival, which began in 1997 as a small community event, was cancelled for the past two winters because of funding cuts. It was revived this year thanks to a crowdfunding campaign and sponsorship from local businesses.</p>
<h2>Lanterns made in schools</h2>
<p>Many of the lanterns were made in workshops at 28 primary schools across the city, using willow, tissue paper and battery-powered lights. Some were enormous: a twelve-metre sea serpent carried by pupils from Saltmarsh Primary drew cheers all along the route.</p>
<p>The procession ended at the inner harbour, where a floating stage moored beside the fish market hosted a choir of five hundred voices drawn from churches, workplaces and community groups across Port Aldery.</p>
<blockquote>I have lived here forty years and I think this is the first time I have cried at a lantern. It feels like the city has its heart back.</blockquote>
<p>So said Marguerite Oduya-Bell, who watched from the harbour steps with her grandchildren.</p>
<p>Organisers said the event had cost around £180,000, roughly half of what it cost at its peak a decade ago, with much of the work done by volunteers. They are now seeking a longer-term funding arrangement with the council to avoid a repeat of the recent cancellations.</p>
<p>Police reported no arrests, and the council said the clean-up operation was complete by six the following morning. Ferry operators ran extra late crossings to get spectators home to the other side of the harbour.</p>`,
    authors: ['Wren Calloway'],
    section: 'Culture',
    tags: ['festivals', 'arts', 'harbour'],
    publishedAt: '2026-01-12T09:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/festival-lanterns.svg',
        caption: 'A lantern sea serpent makes its way along the quay.',
        credit: 'Photo: Ewan Kilbride / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'dockers-shanty-choir-record-deal',
    title: "Dockers' shanty choir signs record deal after video goes viral",
    standfirst:
      'The Admiralty Wharf Singers, a group of retired and serving port workers, were filmed on a lunch break. Eight million views later, they are heading to a recording studio.',
    bodyHtml: `<p>For thirty years, the Admiralty Wharf Singers have met on Tuesday evenings in the back room of the Anchor and Cable pub to sing sea shanties and work songs. Last month, a video of them singing on a lunch break in the container terminal canteen was watched more than eight million times.</p>
<p>This week, the choir of nineteen men and six women, most of them current or former dock workers, signed a deal with an independent folk label to record an album. It will be recorded in the old grain store on the dockside, chosen for its cavernous echo.</p>
<h2>Songs of the working port</h2>
<p>The choir's repertoire includes traditional shanties but also songs written by members about life in the modern harbour: night shifts, the arrival of automated cranes and the closure of the old coal berth. The song in the viral video, "Twelve Hours on the Straddle", was written by crane driver Lorcan Ebanks-Whyte in 2009.</p>
<blockquote>We sing about what we know. Some of it is funny, some of it is sad, and some of it is about the canteen. I think people recognise that it is real.</blockquote>
<p>That was the choir's leader, Ernestine Pollard, a former shipping clerk who has directed the group since 2003.</p>
<p>The sudden attention has brought some challenges. The choir has received invitations to perform at festivals abroad, but several members are still working shifts and cannot easily take time off. Others, in their eighties, are wary of travel.</p>
<p>The group has decided to accept only a handful of bookings this year, and to donate a share of any profits to a fund for injured port workers.</p>
<p>Their next public performance will be at the Seafarers' Hall on the last Friday of the month. Tickets sold out within an hour.</p>`,
    authors: ['Fergus Ashby'],
    section: 'Culture',
    tags: ['music', 'arts', 'port-authority'],
    publishedAt: '2026-02-16T10:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'bookshop-fifty-years-on-chandlers-hill',
    title: 'Fifty years of the Tidewater Bookshop, and a new owner to carry it on',
    standfirst:
      "Its founder is retiring at 81. A former customer who once read in the children's corner is taking over the lease.",
    bodyHtml: `<p>When Winifred Achterlonie opened the Tidewater Bookshop on Chandler's Hill in 1976, the building had no heating and the stock fitted on four shelves. Fifty years later, the shop fills three floors of a crooked house overlooking the harbour, and its founder has decided it is time to hand over the keys.</p>
<p>The new owner is Benedict Okwuosa, 38, who first came into the shop as a boy of seven and spent most Saturdays of his childhood in the children's corner on the top floor. He later worked there as a teenager and, after a career in publishing, returned to Port Aldery last year.</p>
<h2>"Books are not the hard part"</h2>
<p>Ms Achterlonie said she had received several offers for the building over the years, including from developers who wanted to convert it into holiday flats, but had always wanted the shop to continue.</p>
<blockquote>Books are not the hard part. The hard part is finding someone who will climb three flights of stairs with a box of atlases and still smile at the customer who asks for something with a blue cover.</blockquote>
<p>Independent bookshops have enjoyed a modest revival nationally in recent years, helped by events, book clubs and loyal local customers. The Tidewater hosts a weekly reading group, a poetry night and regular author events, often in a packed and steeply sloping back room.</p>
<p>Mr Okwuosa said he would keep the shop largely as it is, although he plans to open a small café on the ground floor and to extend opening hours on summer evenings, when the old town fills with visitors.</p>
<p>A celebration of the shop's fifty years will be held on Saturday, with readings from local writers and cake, according to the founder, "in quantities that would alarm a dentist". All are welcome.</p>`,
    authors: ['Wren Calloway'],
    section: 'Culture',
    tags: ['books', 'retail', 'heritage'],
    publishedAt: '2026-06-24T08:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/bookshop.svg',
        caption: "The Tidewater Bookshop on Chandler's Hill.",
        credit: 'Reader photo: Osian Prydderch',
        rightsHolder: 'Osian Prydderch',
      },
    ],
  },
  {
    slug: 'international-film-shoot-old-dock',
    title: 'Old Dock becomes 1950s Istanbul for an international film shoot',
    standfirst:
      'A Turkish-European co-production has transformed two streets of warehouses into a period waterfront, and hired more than 200 local extras.',
    bodyHtml: `<p>Residents of Old Dock woke this week to find their streets transformed: shop signs in Turkish, vintage cars parked along the kerb, and a wooden fishing boat hauled on to the cobbles outside the old customs house.</p>
<p>The street is standing in for the Istanbul waterfront of the 1950s in a feature film about two brothers who run a ferry business on the Bosphorus. The production, a co-production between Turkish and European companies, chose Port Aldery after its location scouts were struck by the similarity between the warehouses of Old Dock and photographs of the period.</p>
<h2>Extras wanted</h2>
<p>More than 200 local people have been hired as extras, many of them dressed as dock workers, street vendors and ferry passengers. The production also employed local carpenters, caterers and drivers, and the city's film office estimates it will spend around £2.4m in Port Aldery over six weeks.</p>
<blockquote>My grandfather worked on these docks. Now I am pretending to unload figs in a flat cap. He would have laughed his head off.</blockquote>
<p>So said Tobiah Rennick, one of the extras, during a break between takes.</p>
<p>Filming has caused some disruption, with roads closed for several days and some businesses complaining about reduced footfall. The film office said it had agreed compensation payments with affected shops and that a liaison officer was available to residents around the clock.</p>
<p>The shoot is the largest in the city since a television drama was filmed in the harbour in 2018. The council hopes to use it to promote Port Aldery as a filming location and is considering a dedicated studio in one of the vacant warehouses.</p>
<p>The film is expected to be released next year. The production company has promised a special screening for the extras and residents of Old Dock.</p>`,
    authors: ['Fergus Ashby'],
    section: 'Culture',
    tags: ['film', 'arts', 'tourism'],
    publishedAt: '2026-08-05T09:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/film-set.svg',
        caption: 'A period fishing boat on the cobbles of Old Dock during filming.',
        credit: 'Anadolu Agency',
        rightsHolder: 'Anadolu Agency',
      },
    ],
  },
  {
    slug: 'ferry-terminal-mural-unveiled',
    title: 'Forty-metre mural of the ferry crews unveiled at the terminal',
    standfirst:
      'Painted over five weeks by a local artist and a team of young apprentices, the mural honours the crews who kept the crossing running through storms and strikes.',
    bodyHtml: `<p>A forty-metre mural depicting generations of Port Aldery's ferry crews was unveiled on the wall of the Quayside terminal on Friday, watched by former deckhands, captains and their families.</p>
<p>The mural was painted over five weeks by the artist Tallulah Okereke-Voss and a team of eight apprentices aged between 16 and 22, recruited through a youth arts programme. It replaces a faded advertising hoarding that had covered the wall since the 1990s.</p>
<h2>Faces from the archive</h2>
<p>The design is based on photographs from the ferry company's archive and from families, some dating back to the paddle steamers of the 1920s. Among the faces is Agnes Cullimore, who in 1943 became the first woman to skipper a cross-harbour ferry when the male crews were away at war.</p>
<blockquote>Every face on that wall is a real person. Some of their grandchildren helped us paint them. That felt like the most important part of the whole project.</blockquote>
<p>That was Ms Okereke-Voss, who grew up on the Eastside estate and took the ferry to school every day.</p>
<p>The mural also depicts the great storm of 1987, when a ferry crew rescued the crew of a stricken cargo ship in the harbour mouth, and the long strike of 2011, when crews walked out over staffing levels.</p>
<p>The project cost £42,000, funded by the ferry operator, an arts charity and a crowdfunding campaign. The apprentices will receive a qualification in public art and have been invited to work on two further murals planned for the city.</p>
<p>Not every response has been positive. A handful of residents said they would have preferred the wall to be left plain, and one councillor questioned whether the inclusion of the strike was appropriate. The ferry operator said it was proud to include it. "It is part of our story," a spokesperson said.</p>`,
    authors: ['Hannah Okonjo-Reeve'],
    section: 'Culture',
    tags: ['arts', 'ferries', 'heritage'],
    publishedAt: '2026-10-23T08:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  // ────────────────────────────── Health ──────────────────────────────
  {
    slug: 'aldery-general-waiting-times',
    title: 'Aldery General: one in four patients waits more than four hours in A&E',
    standfirst:
      "New figures show the city's main hospital missed its emergency waiting target in every month of the past year, as staff warn of exhaustion.",
    bodyHtml: `<p>One in four patients arriving at the emergency department of Aldery General Hospital waited more than four hours to be admitted, treated or discharged last year, according to figures released by the hospital trust on Monday.</p>
<p>The trust missed its target of seeing 95 per cent of patients within four hours in every month of the year. Its worst month was January, when only 64 per cent were seen in time and more than 300 patients waited over twelve hours.</p>
<h2>Beds, not doors</h2>
<p>Senior doctors say the problem is less about the emergency department itself than about the rest of the hospital. On a typical day, around 90 of the hospital's 720 beds are occupied by patients who are medically fit to leave but cannot be discharged because there is no place for them in a care home or no support available at home.</p>
<blockquote>We have people waiting on trolleys in the corridor because upstairs there are people waiting for a care package. The whole system backs up, and the front door is where you see it.</blockquote>
<p>That was Dr Ngozi Fairweather-Ambrose, a consultant in emergency medicine who has worked at the hospital for fourteen years.</p>
<p>The trust said it had opened a new same-day emergency care unit, which treats patients who need tests but not an overnight stay, and had recruited 40 additional nurses. Waiting times had improved slightly in recent months, a spokesperson said.</p>
<p>Staff describe a workforce under strain. A survey by the nurses' union found that more than half of emergency nurses at the hospital were considering leaving within two years. Many cited the difficulty of crossing the harbour for late shifts, with the last ferry leaving before the night shift ends.</p>
<p>The council's health scrutiny committee will question the trust's chief executive next week. Patients are being encouraged to use pharmacies and the urgent care centre on the north side of the city for less serious conditions.</p>`,
    authors: ['Owen Tremayne'],
    section: 'Health',
    tags: ['hospital', 'public-health', 'social-care'],
    publishedAt: '2026-02-09T07:30:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/hospital.svg',
        caption: 'The emergency entrance at Aldery General Hospital.',
        credit: 'Photo: Priya Castellane / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'care-home-staffing-investigation',
    title: 'Care homes left residents with one carer for thirty at night, staff rotas reveal',
    standfirst:
      'Leaked rotas and interviews with 27 current and former staff show that three homes owned by the same group repeatedly fell below safe staffing levels.',
    bodyHtml: `<p>Three Port Aldery care homes owned by the same company regularly left a single carer responsible for up to thirty residents overnight, according to staff rotas obtained by The Harbour Ledger and interviews with 27 current and former employees.</p>
<p>The homes, operated by Seaview Living Group, care for older people, many with dementia. The Ledger examined rotas covering eleven months. On 96 nights, at least one of the homes had fewer staff on duty than the minimum set out in its own care plans.</p>
<h2>"We could not get to everyone"</h2>
<p>Former carers described nights spent running between floors, unable to respond to call bells for long periods. Several said residents who needed two people to help them move were sometimes left in bed until the morning shift arrived.</p>
<blockquote>You would hear the bells going on the other floor and you knew you could not get there. You could not leave the person you were with. I used to go home and sit in the car and cry.</blockquote>
<p>That was a former senior carer, who asked not to be named because she still works in the sector. Her account was supported by rota records and by two other colleagues who worked the same shifts.</p>
<p>Families of residents told the Ledger they had raised concerns about falls, missed medication and residents found in soiled bedding in the morning. One daughter said her father, who had advanced dementia, had been found on the floor of his room three times in a month.</p>
<h2>The company responds</h2>
<p>Seaview Living Group said it took the allegations "extremely seriously". It said recruitment had been difficult since the pandemic, that agency staff were used to fill gaps and that some rota records may not reflect staff who were called in at short notice. It said it had recently increased pay for night staff.</p>
<p>The care regulator said it would review the information provided by the Ledger. The council, which funds places at all three homes, has launched its own inquiry and paused new admissions to one of them.</p>`,
    authors: ['Owen Tremayne', 'Sadia Rahimi'],
    section: 'Health',
    tags: ['investigation', 'social-care', 'public-health'],
    publishedAt: '2026-09-16T05:00:00Z',
    rightsStatus: 'owned',
    premiumMilli: 1500,
    assets: [
      {
        url: '/demo/care-home.svg',
        caption: 'One of the three Seaview Living homes examined by the Ledger.',
        credit: 'Photo: Ewan Kilbride / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'winter-sea-swimmers-water-testing',
    title: 'Winter sea swimmers start testing the water themselves',
    standfirst:
      'Frustrated by a lack of official testing outside the summer season, a group of year-round swimmers has begun sampling the water at Fennick Cove every week.',
    bodyHtml: `<p>Every Sunday at eight in the morning, whatever the weather, about forty people wade into the sea at Fennick Cove. Since November, one of them has also been carrying a small sterile bottle.</p>
<p>The Fennick Bluetits, a year-round swimming group, have begun testing the water for bacteria linked to sewage, after discovering that official monitoring at the beach takes place only between May and September.</p>
<h2>Swimming in the dark</h2>
<p>Winter sea swimming has grown rapidly in popularity in Port Aldery, as elsewhere, with many swimmers citing benefits for their mental health. But group members say they have been swimming without knowing whether the water is safe.</p>
<p>Samples are taken to a laboratory at Aldery University, where students analyse them as part of their coursework. Of the first 14 samples, four exceeded the threshold that would trigger an advice against bathing during the summer season. Three of those came after heavy rain.</p>
<blockquote>We are not scientists and we are not trying to scare anyone. We just think people who swim here in January deserve the same information as people who swim here in July.</blockquote>
<p>So said the group's organiser, Delyth Amankwah-Rowe, a nurse who began swimming to cope with the stress of working through the pandemic.</p>
<p>Public health officials have advised swimmers to avoid the sea for 48 hours after heavy rain and to cover cuts. A spokesperson for the council said it would consider extending testing at the most popular beaches, though this would depend on funding.</p>
<p>The water company said water quality at the beach had improved significantly over the past decade and that it was investing in storage to reduce overflows from the harbour area. The swimmers' results are published each week on a noticeboard by the beach café and online.</p>`,
    authors: ['Nadia Ferreira-Lowe'],
    section: 'Health',
    tags: ['water-quality', 'public-health', 'volunteers'],
    publishedAt: '2026-01-05T08:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/sea-swimmers.svg',
        caption: 'Members of the Fennick Bluetits before a Sunday morning swim.',
        credit: 'Reader photo: Carys Penrose-Ali',
        rightsHolder: 'Carys Penrose-Ali',
      },
    ],
  },
  {
    slug: 'vaccine-clinic-on-the-ferry',
    title: 'Flu jabs on the 7.40: pop-up clinic on the ferry vaccinates 600 commuters',
    standfirst:
      'A nurse-led team set up on the passenger deck of the cross-harbour ferry to reach people who say they never have time to visit a surgery.',
    bodyHtml: `<p>Commuters on the cross-harbour ferry this week were offered something unusual with their morning coffee: a flu vaccination, administered in a curtained-off corner of the passenger deck during the twelve-minute crossing.</p>
<p>The pop-up clinic, run by a team of community nurses with the ferry operator, vaccinated more than 600 people over five days. Organisers say many of them had not had a flu jab for several years.</p>
<h2>Reaching the busy</h2>
<p>Uptake of flu vaccines among working-age adults with long-term health conditions has been falling in Port Aldery, according to public health data. Surveys suggest the most common reason is lack of time, particularly among shift workers and people who commute across the harbour.</p>
<blockquote>People say they mean to book, and then they do not. If we are standing right there on their route to work, it takes two minutes and they are done before the boat docks.</blockquote>
<p>That was lead nurse Oonagh Mbeki-Carr, who came up with the idea after noticing how many of her patients mentioned the ferry when explaining why they had missed appointments.</p>
<p>Vaccinations were offered to anyone eligible under national guidelines. Nurses checked records on tablets linked to patients' GP files, and jabs were recorded immediately.</p>
<p>The calm conditions of the inner harbour helped, although the team suspended vaccinations for one crossing on Wednesday when a stiff easterly made the deck roll. "We are nurses, not acrobats," said Ms Mbeki-Carr.</p>
<p>The public health team is considering similar clinics at the bus station and the container terminal canteen. A second ferry clinic will run in January, offering catch-up vaccinations and free blood pressure checks.</p>`,
    authors: ['Owen Tremayne'],
    section: 'Health',
    tags: ['public-health', 'ferries', 'vaccination'],
    publishedAt: '2026-11-10T07:00:00Z',
    rightsStatus: 'owned',
    assets: [
      {
        url: '/demo/vaccine-clinic.svg',
        caption: 'A nurse prepares a flu vaccine on the passenger deck of the ferry.',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
    ],
  },
  {
    slug: 'fishermen-mental-health-support',
    title: 'Harbour chaplain and counsellors launch mental health support for fishing crews',
    standfirst:
      'After a year in which three local fishermen took their own lives, a new service offers confidential support at the quayside, at hours that suit people who work at sea.',
    bodyHtml: `<p>A new mental health service for fishing crews opened on the Port Aldery quayside this week, offering confidential support in a converted net store a few steps from where the boats tie up.</p>
<p>The service, called Safe Harbour, is run by the fishermen's mission chaplain together with two trained counsellors. It opens at four in the morning on weekdays, when crews are landing their catch, as well as in the evenings.</p>
<h2>A hard year</h2>
<p>The initiative follows a difficult year for the fishing community. Three men who worked from the harbour died by suicide in the past twelve months, and the Port Aldery Fishermen's Association says many more are struggling with debt, isolation and the pressures of a job that is physically dangerous and financially precarious.</p>
<blockquote>Fishermen are used to fixing things themselves. You do not call for help at sea unless the boat is sinking. We are trying to say: you can call before it gets to that point.</blockquote>
<p>That was the Reverend Morag Tennant-Achebe, the mission chaplain, who has worked with fishing crews for nineteen years.</p>
<p>The service offers one-to-one conversations, help with debt and benefits advice, and referrals to specialist support. Visitors do not need an appointment and can simply come in for a cup of tea. Counsellors can also be reached by phone and by a messaging service that works over the satellite connections some boats use at sea.</p>
<p>The project is funded for two years by a fisheries charity and the local health board. Organisers hope to extend it to other harbours along the coast if it proves successful.</p>
<p><em>If you are struggling, you can talk to Safe Harbour in confidence at any time, or contact your GP or local crisis line. In an emergency, call 999.</em></p>`,
    authors: ['Nadia Ferreira-Lowe', 'Owen Tremayne'],
    section: 'Health',
    tags: ['mental-health', 'fishing', 'public-health'],
    publishedAt: '2026-05-27T08:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
  {
    slug: 'dental-access-waiting-list',
    title: 'Eleven thousand people on the waiting list for a Port Aldery dentist',
    standfirst:
      'With no practice in the city taking new adult patients on public contracts, some residents are travelling sixty miles for treatment or pulling their own teeth.',
    bodyHtml: `<p>More than 11,000 people in Port Aldery are on a waiting list to register with a dentist offering publicly funded treatment, according to figures obtained by The Harbour Ledger, and not a single practice in the city is currently accepting new adult patients.</p>
<p>The list, held by the regional health board, has grown by a third in a year. Children are being accepted at some practices, but adults face an estimated wait of more than two years.</p>
<h2>Sixty miles for a filling</h2>
<p>Residents have described travelling to practices more than sixty miles away, paying for private treatment they can barely afford, or going without. A pharmacist in Old Dock told the Ledger that she regularly sold temporary filling kits and that some customers had asked for advice on removing their own teeth.</p>
<blockquote>I had an abscess for three weeks. I went to the emergency dentist twice and they gave me antibiotics, but nobody could actually fix the tooth. In the end I paid four hundred pounds I did not have.</blockquote>
<p>So said Rhiannon Kessel, a care worker from Saltmarsh, who has been on the list since 2024.</p>
<p>Dentists say the problem lies with the public contract, which many regard as poorly paid for complex treatment. Four practices in the city have reduced or ended their public work in the past three years, and two dentists who have left told the Ledger that the contract made it impossible to treat patients with high needs without losing money.</p>
<p>The health board said it had commissioned extra urgent appointments and was working on a new scheme to attract dentists to coastal areas, including support with training costs. A mobile dental unit will visit the Eastside estate and the harbour area from next month.</p>
<p>The Ledger has set up a form for readers to share their experiences of finding a dentist.</p>`,
    authors: ['Owen Tremayne'],
    section: 'Health',
    tags: ['dentistry', 'public-health', 'social-care'],
    publishedAt: '2026-07-21T07:00:00Z',
    rightsStatus: 'owned',
    assets: [],
  },
];
