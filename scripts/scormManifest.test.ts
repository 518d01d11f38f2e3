import { describe, expect, it } from 'vitest';
import { launchFile, launchPage, scorm12Manifest, scorm2004Manifest } from './scormManifest.ts';

const lessons = [
  { id: 'pizza', title: 'Pizza & state', summary: '' },
  { id: 'atm', title: 'The ATM', summary: '' },
];
const files = ['index.html', 'assets/index-abc.js', 'favicon.svg'];

describe('SCORM 1.2 manifest', () => {
  const xml = scorm12Manifest({
    id: 'statecraft-all',
    title: 'All',
    lessons,
    files,
    masteryScore: null,
  });

  it('declares SCORM 1.2 and one SCO per lesson, launching its own page', () => {
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml.match(/adlcp:scormtype="sco"/g)).toHaveLength(2);
    expect(xml).toContain(`href="${launchFile('pizza')}"`);
    expect(xml).toContain('identifierref="sco-atm"');
    expect(xml).toContain('<title>Pizza &amp; state</title>');
  });

  it('lists every file of the build once, in a shared resource', () => {
    for (const f of files) expect(xml.split(`<file href="${f}"/>`)).toHaveLength(2);
    expect(xml.match(/<dependency identifierref="app"\/>/g)).toHaveLength(2);
    expect(xml).not.toContain('masteryscore');
  });

  it('writes the mastery score when one is given', () => {
    const withMastery = scorm12Manifest({ id: 'x', title: 'x', lessons, files, masteryScore: 80 });
    expect(withMastery.match(/<adlcp:masteryscore>80<\/adlcp:masteryscore>/g)).toHaveLength(2);
  });

  it('refuses an empty package', () => {
    expect(() =>
      scorm12Manifest({ id: 'x', title: 'x', lessons: [], files, masteryScore: null }),
    ).toThrow(/at least one lesson/);
  });
});

describe('SCORM 2004 4th edition manifest', () => {
  const xml = scorm2004Manifest({ id: 'all', title: 'All', lessons, files, masteryScore: null });

  it('declares the 4th edition, its namespaces, and one SCO per lesson', () => {
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"');
    expect(xml.match(/adlcp:scormType="sco"/g)).toHaveLength(2);
    expect(xml).toContain('adlcp:scormType="asset"');
    expect(xml).toContain(`href="${launchFile('atm')}"`);
    for (const f of files) expect(xml.split(`<file href="${f}"/>`)).toHaveLength(2);
    expect(xml).not.toContain('imsss:sequencing');
  });

  it('turns a mastery score into the primary objective’s minimum normalized measure', () => {
    const m = scorm2004Manifest({ id: 'x', title: 'x', lessons, files, masteryScore: 80 });
    expect(m.match(/satisfiedByMeasure="true"/g)).toHaveLength(2);
    expect(m.match(/<imsss:minNormalizedMeasure>0.8<\/imsss:minNormalizedMeasure>/g)).toHaveLength(
      2,
    );
  });
});

describe('launch page', () => {
  const index =
    '<html><head><meta charset="UTF-8" />\n<title>Statecraft</title></head><body></body></html>';

  it('bakes the lesson, embed chrome and SCORM reporting into a meta tag', () => {
    const page = launchPage(index, lessons[0]!);
    expect(page).toContain(
      '<meta name="statecraft-launch" content="lesson=pizza&amp;embed=1&amp;scorm=1" />',
    );
    expect(page).toContain('<title>Statecraft lesson: Pizza &amp; state</title>');
  });

  it('tells a 2004 package’s content which edition it is', () => {
    expect(launchPage(index, lessons[0]!, '2004')).toContain(
      'content="lesson=pizza&amp;embed=1&amp;scorm=1&amp;scormVersion=2004"',
    );
  });

  it('fails loudly on an index.html it does not recognise', () => {
    expect(() => launchPage('<html></html>', lessons[0]!)).toThrow(/meta charset/);
  });
});
