/**
 * Word banks for the synthetic council. The wording follows the sample
 * council in data/: plain British English, residents counted and never named,
 * officers by role. Slots in braces ({subject}, {group}, {n}, ...) are filled
 * by generate.mjs.
 */

/** Eight committees, five departments each: [committee id, committee name, departments]. */
export const COMMITTEES = [
  [
    'health-pac',
    'Health and Adult Social Care',
    [
      ['adult-social-care', 'Adult Social Care', 'asc'],
      ['public-health', 'Public Health', 'ph'],
      ['mental-health', 'Mental Health Services', 'mh'],
      ['learning-disability', 'Learning Disability Services', 'ld'],
      ['carers', 'Carers Support', 'car'],
    ],
  ],
  [
    'children-pac',
    'Children and Education',
    [
      ['childrens-services', "Children's Services", 'cs'],
      ['education-send', 'Education and Special Educational Needs', 'send'],
      ['transitions', 'Transitions to Adulthood', 'tr'],
      ['youth-services', 'Youth Services', 'ys'],
      ['early-help', 'Early Help and Family Support', 'eh'],
    ],
  ],
  [
    'housing-pac',
    'Housing and Homelessness',
    [
      ['housing-needs', 'Housing Needs and Homelessness', 'hn'],
      ['housing-management', 'Housing Management', 'hm'],
      ['housing-repairs', 'Housing Repairs and Adaptations', 'hr'],
      ['regeneration', 'Regeneration and Development', 'reg'],
      ['property-facilities', 'Property and Facilities', 'pf'],
    ],
  ],
  [
    'economy-pac',
    'Economy, Arts, Sports and Public Realm',
    [
      ['economy', 'The Economy Department', 'eco'],
      ['employment-skills', 'Employment and Skills', 'es'],
      ['arts-culture', 'Arts and Culture', 'ac'],
      ['sport-physical-activity', 'Sport and Physical Activity', 'sp'],
      ['libraries', 'Libraries and Archives', 'lib'],
    ],
  ],
  [
    'climate-pac',
    'Climate Change and Ecology',
    [
      ['environment', 'Environment Department', 'env'],
      ['climate-ecology', 'Climate Change and Ecology Unit', 'ce'],
      ['highways', 'Highways and Transport', 'hw'],
      ['parking', 'Parking Services', 'pk'],
      ['waste-recycling', 'Waste and Recycling', 'wr'],
    ],
  ],
  [
    'inclusion-pac',
    'Social Inclusion and Community Safety',
    [
      ['community-safety', 'Community Safety', 'saf'],
      ['licensing', 'Licensing and Trading Standards', 'lic'],
      ['parks-open-spaces', 'Parks and Open Spaces', 'po'],
      ['registration', 'Registration and Bereavement Services', 'rb'],
      ['communities', 'Communities and Voluntary Sector', 'com'],
    ],
  ],
  [
    'finance-pac',
    'Finance and Corporate Services',
    [
      ['finance', 'Finance', 'fin'],
      ['revenues-benefits', 'Revenues and Benefits', 'rev'],
      ['procurement', 'Procurement and Commercial', 'proc'],
      ['people-talent', 'People and Talent', 'pt'],
      ['legal-democratic', 'Legal and Democratic Services', 'leg'],
    ],
  ],
  [
    'customer-pac',
    'Customer Experience and Digital',
    [
      ['customer-services', 'Customer Services', 'cus'],
      ['digital-services', 'Digital Services', 'dig'],
      ['communications', 'Communications and Engagement', 'cme'],
      ['strategy-policy', 'Strategy and Policy', 'sp2'],
      ['commissioning', 'Commissioning and Contracts', 'cc'],
    ],
  ],
];

/** What an activity is about: [short id part, phrase used in running text]. */
export const SUBJECTS = [
  ['blue-badge', 'the Blue Badge application process'],
  ['allocations', 'the housing allocations policy'],
  ['adaptations', 'the home adaptations service'],
  ['direct-payments', 'direct payments support'],
  ['day-opportunities', 'day opportunities'],
  ['home-care', 'the home care specification'],
  ['send-transport', 'home to school transport'],
  ['ehcp', 'education, health and care plan reviews'],
  ['short-breaks', 'the short breaks offer'],
  ['youth-hub', 'the youth hub programme'],
  ['website', 'the Council website'],
  ['contact-centre', 'the contact centre'],
  ['complaints', 'the complaints process'],
  ['council-tax', 'council tax support'],
  ['hardship-fund', 'the hardship fund'],
  ['parks-access', 'access to parks and play areas'],
  ['toilets', 'accessible public toilets'],
  ['pavements', 'pavement repairs and dropped kerbs'],
  ['cycle-lanes', 'the cycle lane programme'],
  ['parking-bays', 'disabled parking bays'],
  ['bin-collection', 'assisted bin collections'],
  ['library-events', 'library events and reading groups'],
  ['leisure-centres', 'leisure centre access'],
  ['job-coaching', 'supported employment and job coaching'],
  ['apprenticeships', 'the apprenticeship scheme'],
  ['town-centre', 'the town centre masterplan'],
  ['local-plan', 'the Local Plan'],
  ['estate-renewal', 'estate renewal'],
  ['repairs-line', 'the repairs reporting line'],
  ['hate-crime', 'hate crime reporting'],
  ['safe-spaces', 'the safe spaces scheme'],
  ['emergency-planning', 'emergency planning'],
  ['mental-health-crisis', 'the mental health crisis pathway'],
  ['carers-assessment', 'carers assessments'],
  ['social-prescribing', 'social prescribing'],
  ['procurement-social-value', 'social value in procurement'],
  ['recruitment', 'recruitment of Disabled staff'],
  ['easy-read', 'easy read information'],
  ['consultation-toolkit', 'the consultation toolkit'],
  ['budget-setting', 'budget setting'],
  ['registrars', 'the registration service'],
  ['events', 'accessible Council events'],
  ['climate-action', 'the climate action plan'],
  ['tree-planting', 'street tree planting'],
  ['licensing-venues', 'accessible licensed venues'],
  ['transition-planning', 'transition planning for young people'],
  ['supported-housing', 'supported housing contracts'],
  ['grants', 'community grants'],
];

export const TITLES = [
  'Co-designing {subject}',
  'Reviewing {subject} with Disabled residents',
  'Accessibility audit of {subject}',
  'Co-producing the strategy for {subject}',
  'Easy read guide to {subject}',
  'Resident panel on {subject}',
  'Improving {subject}: a co-produced action plan',
  'Testing changes to {subject} with residents',
];

export const DESCRIPTIONS = [
  'Disabled residents work with officers to redesign {subject}, from understanding the problems through to testing the changes.',
  'A standing panel of Disabled residents reviews {subject} each quarter and agrees the priorities for improvement with the service manager.',
  'Residents who use {subject} co-write the new service standard with the {department} team and check that it is met.',
  "Working with a Disabled People's Organisation to understand the barriers residents face with {subject}, and to remove them.",
  'A co-produced review of {subject}, led by residents with lived experience and supported by the Co-production Team.',
  "Disabled residents and officers test every change to {subject} before it goes live, and report what they found to the department's management team.",
];

export const DECISION_ROLES = [
  'Residents agree the priorities for {subject} and sign off each draft before it goes to the Director.',
  'The panel signs off changes to the service specification and agrees its key performance indicators.',
  'Resident members hold a vote on the final design, and their decision is binding on the project board.',
  'Residents co-chair the project board and agree its budget and work plan each quarter.',
];

export const SUMMARY_SENTENCES = [
  '{group} met {meetings} times this quarter to work on {subject}.',
  'Residents tested {subject} with officers and found {issues} problems, most of them with forms and letters.',
  'The group agreed a set of priorities for {subject}, including clearer information and a named contact.',
  'Altogether {n} residents took part, {newcomers} of them for the first time, in sessions held online and in person at the Town Hall.',
  "Officers from {department} attended every session and answered residents' questions about {subject}.",
  'A survey of {surveyed} residents about {subject} was run on paper, by telephone and online, with group members helping people to fill it in.',
  'Residents said that {subject} works well for people who can use the website, but not for people who need to phone or write.',
  'The draft changes to {subject} were rewritten in plain English after residents found them hard to follow.',
  "The supplier attended a meeting to hear residents' experience of {subject} at first hand.",
  'Work on {subject} was slower than planned because of staff changes in the service, but residents kept meeting.',
  'The group reviewed the figures for {subject}: complaints fell by {percent} per cent compared with the same quarter last year.',
  'Two members of the group joined the interview panel for the new service manager.',
  'Residents with sight loss, hearing loss and learning disabilities took part, with British Sign Language interpreters and easy read papers provided.',
  "The group's findings on {subject} were presented to the departmental management team, who accepted all but one of them.",
  'Members asked for more notice of meetings and for papers to be sent a week in advance; both are now in place.',
  'Residents were paid £{fees} in participation fees for their time, and £{access} was spent on interpreters, transport and other access needs.',
];

export const NEXT_PLANS = [
  'Agree the final changes to {subject} with the group and present them to the Director.',
  'Test the revised {subject} with residents who did not take part in the first round.',
  'Write an easy read version of the new arrangements for {subject}.',
  "Review the first quarter's figures for {subject} against the new performance indicators.",
  'Recruit four more residents to the group, focusing on people under 25.',
  'Run two drop-in sessions on {subject} in libraries and at the foodbank.',
  'Co-write the brief for the new supplier of {subject}.',
  "Report the group's findings on {subject} to the Policy and Accountability Committee.",
];

export const OUTCOMES = [
  [
    'Letters about {subject} are hard to understand and do not say who to contact.',
    'Every letter has been rewritten with residents and now gives a named contact and a direct telephone number.',
  ],
  [
    'The online form for {subject} times out before screen reader users can finish it.',
    'The time limit has been removed and the form can now be saved and finished later.',
  ],
  [
    'People who cannot use the internet are left out of {subject}.',
    'A telephone and paper route has been added, with the same response times as the online route.',
  ],
  [
    'Meetings about {subject} are held in buildings that are hard to get to.',
    'Sessions now move between three step-free venues near bus routes, with taxis paid for those who need them.',
  ],
  [
    'Staff do not understand what it is like to use {subject} as a Disabled person.',
    'Residents from the group now deliver a session on {subject} in the induction of every new member of staff.',
  ],
  [
    'Decisions about {subject} are made before residents are asked.',
    'The service plan now includes a step where the group reviews each change before it is agreed.',
  ],
  [
    'There is no way to complain about {subject} in British Sign Language.',
    'A video relay service has been added to the complaints process.',
  ],
  [
    'Information about {subject} is spread across many pages and hard to find.',
    'The pages have been brought together into one, tested with residents who use screen readers.',
  ],
];

export const BARRIERS = [
  [
    'Residents are waiting for the supplier, so there is little for the group to test.',
    'The service manager has agreed a fixed testing calendar with the supplier, with penalties for missed dates.',
  ],
  [
    'Turnover of officers means residents keep meeting new people who do not know the history of the work.',
    'A handover note, written with the group, is now kept for the project and shared with every new officer.',
  ],
  [
    'Some residents cannot take part because the participation fee affects their benefits.',
    'The Council has arranged free welfare benefits advice for members and offers vouchers as an alternative.',
  ],
  [
    'The budget for {subject} has not yet been confirmed for next year.',
    'The Director has raised the issue with the Finance team and will report back to the group next quarter.',
  ],
  [
    'Meeting rooms with hearing loops are often unavailable.',
    'Portable loops have been bought and booking priority given to co-production meetings.',
  ],
  [
    "The group has few members under 30, so younger residents' views are missing.",
    'The Youth Council has been invited to nominate two members, with support from a youth worker.',
  ],
];

export const FOLLOW_UP_REASONS = {
  done: [
    'Completed as planned.',
    'Done in the first month of the quarter.',
    'Signed off by the group at its last meeting.',
  ],
  'in-progress': [
    'About half done; the rest will follow next quarter.',
    'Under way, but the supplier needs more time.',
    'Started late because of the pre-election period.',
  ],
  'carried-over': [
    'The supplier is three months behind, so this moves to next quarter.',
    'Delayed by staff changes in the service; the group agreed to carry it over.',
  ],
  dropped: [
    'The group agreed it was no longer the priority, given what the survey found.',
    'Overtaken by a national change to the scheme.',
  ],
};

export const NARRATIVES = [
  'Co-production is built into the way {department} reviews its services, but not yet into the annual planning cycle.',
  "Residents are involved from the start in most of {department}'s work on this recommendation, with two groups co-chaired by residents.",
  'Progress is slower than planned because of vacancies in the team; the work has been re-planned with residents.',
  'The department has met the measures it set itself for this quarter and residents agree with that assessment.',
  'There is good activity, but too little of it reaches residents who are furthest from decision making.',
  'A new action plan has been agreed with residents; it is too early to judge its effect.',
];

export const GROUP_NAMES = [
  'Residents Panel',
  'Steering Group',
  'Disabled Residents Team',
  'Access Group',
  'Reference Group',
];
export const HOSTS = [
  'the Council',
  "Riverside Action on Disability (a Disabled People's Organisation)",
  'Deaf Riverside (a Deaf-led charity)',
  'the Council',
];
export const WARDS = [
  'Riverside North',
  'Riverside South',
  'Old Town',
  'Market Ward',
  'Parkside',
  'Hillview',
  'Canal Ward',
  'Station Ward',
];
