import { describe, expect, it } from 'vitest';
import { appositiveRoles, findDates, findNumbers, findPeople, properNouns } from './entities.js';

describe('findPeople', () => {
  it('finds full names, strips honorifics and titles, and keeps the title as the role', () => {
    const people = findPeople('The talks came after Secretary of State Lena Marsh met Mr. Ortiz and Gov. Ada Quill.');
    expect(people.map((p) => [p.name, p.key, p.role ?? null, p.gender ?? null])).toEqual([
      ['Lena Marsh', 'marsh', 'secretary of state', null],
      ['Ortiz', 'ortiz', null, 'm'],
      ['Ada Quill', 'quill', 'gov.', null],
    ]);
  });

  it('keeps name particles and cuts "of Place" off a name', () => {
    expect(findPeople('Mr. de la Vega spoke.').map((p) => p.key)).toEqual(['vega']);
    expect(findPeople('President Ana Ruiz of Veloria said so.').map((p) => p.name)).toEqual(['Ana Ruiz']);
  });

  it('does not take places and organizations for people', () => {
    expect(findPeople('The United States and Alder Ridge signed with the Harbor Board.')).toEqual([]);
  });

  it('recognizes a bare last name only when it is already known', () => {
    const known = new Map(findPeople('Mayor Dana Whitcombe spoke.').map((p) => [p.key, p]));
    expect(findPeople('Then Whitcombe left.')).toEqual([]);
    expect(findPeople('Then Whitcombe left.', known).map((p) => p.key)).toEqual(['whitcombe']);
  });
});

describe('appositiveRoles', () => {
  it('reads roles after and before a name', () => {
    const text = 'Juan Ortiz, the county’s road commissioner, spoke; its water director, Ana Ruiz, did not.';
    expect([...appositiveRoles(text, findPeople(text))]).toEqual([
      ['ortiz', 'road commissioner'],
      ['ruiz', 'water director'],
    ]);
  });
});

describe('numbers and dates', () => {
  it('normalizes digits, words and scales', () => {
    expect(findNumbers('It cost $1.4 million, up 12 percent, for thirty boats and 2,300 acres.')).toEqual([1_400_000, 12, 30, 2300]);
  });
  it('finds days and months, and "May" only as a name', () => {
    expect(findDates('On Tuesday it may rain; in May and on December 1 it will not.')).toEqual(['tuesday', 'may', 'december']);
  });
  it('lists capitalized words inside a sentence, without titles', () => {
    expect(properNouns('The vote in Port Elwin was led by Mr. Rilke.')).toEqual(['Port', 'Elwin', 'Rilke']);
  });
});
