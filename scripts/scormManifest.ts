/**
 * The text files of a SCORM 1.2 or SCORM 2004 (4th edition) content package:
 * `imsmanifest.xml` and one launch page per lesson. Pure functions over the lesson list and the build's file list, so they are tested
 * without building anything (scripts/scormManifest.test.ts).
 *
 * Each lesson is one SCO. Its launch page is the app's index.html with the launch options
 * baked into a meta tag (src/ui/embed/launchParams.ts), so no LMS has to keep a query string.
 * The build's files are one shared asset resource that every SCO depends on.
 */

export interface PackageLesson {
  id: string;
  title: string;
  summary: string;
}

export interface PackageOptions {
  /** Package identifier and title. */
  id: string;
  title: string;
  lessons: PackageLesson[];
  /** Every file of the build, relative to the package root, with forward slashes. */
  files: string[];
  /** Score (0–100) at which the LMS records "passed"; null = completion only. */
  masteryScore: number | null;
}

export const xmlEscape = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export const launchFile = (lessonId: string): string => `scorm-${lessonId}.html`;

export type ScormEdition = '1.2' | '2004';

/**
 * The app's index.html turned into one lesson's launch page. A 2004 package says so
 * (`scormVersion=2004`), so the content looks for `API_1484_11` first.
 */
export function launchPage(
  indexHtml: string,
  lesson: PackageLesson,
  edition: ScormEdition = '1.2',
): string {
  const version = edition === '2004' ? '&amp;scormVersion=2004' : '';
  const meta = `<meta name="statecraft-launch" content="lesson=${xmlEscape(lesson.id)}&amp;embed=1&amp;scorm=1${version}" />`;
  const withMeta = indexHtml.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
  if (withMeta === indexHtml) throw new Error('index.html has no <meta charset> to follow');
  return withMeta.replace(
    /<title>[^<]*<\/title>/,
    `<title>${xmlEscape(`Statecraft lesson: ${lesson.title}`)}</title>`,
  );
}

const ident = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/**
 * The organization and resources of a package, the same in both editions apart from the
 * spelling of one attribute (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004) and what
 * each item carries after its title (`itemExtra`: mastery score or sequencing).
 */
function organizationAndResources(
  o: PackageOptions,
  edition: ScormEdition,
  itemExtra: (id: string) => string,
): string {
  if (o.lessons.length === 0) throw new Error('a package needs at least one lesson');
  const scormType = edition === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const items = o.lessons
    .map(
      (
        l,
      ) => `      <item identifier="item-${ident(l.id)}" identifierref="sco-${ident(l.id)}" isvisible="true">
        <title>${xmlEscape(l.title)}</title>${itemExtra(ident(l.id))}
      </item>`,
    )
    .join('\n');
  const scos = o.lessons
    .map(
      (
        l,
      ) => `    <resource identifier="sco-${ident(l.id)}" type="webcontent" ${scormType}="sco" href="${launchFile(l.id)}">
      <file href="${launchFile(l.id)}"/>
      <dependency identifierref="app"/>
    </resource>`,
    )
    .join('\n');
  const files = o.files.map((f) => `      <file href="${xmlEscape(f)}"/>`).join('\n');
  return `  <organizations default="org-${ident(o.id)}">
    <organization identifier="org-${ident(o.id)}">
      <title>${xmlEscape(o.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" ${scormType}="asset">
${files}
    </resource>
  </resources>`;
}

/** imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with the ADL extensions). */
export function scorm12Manifest(o: PackageOptions): string {
  const mastery = () =>
    o.masteryScore === null
      ? ''
      : `\n        <adlcp:masteryscore>${o.masteryScore}</adlcp:masteryscore>`;
  const body = organizationAndResources(o, '1.2', mastery);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ident(o.id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
${body}
</manifest>
`;
}

/**
 * imsmanifest.xml for SCORM 2004 4th edition (IMS Content Packaging 1.1.4 with the ADL CP,
 * sequencing and navigation extensions). A mastery score becomes the primary objective's
 * minimum normalized measure (80 → 0.8): the LMS hands it to the content as
 * cmi.scaled_passing_score and records success_status passed or failed against it.
 */
export function scorm2004Manifest(o: PackageOptions): string {
  const sequencing = (id: string) =>
    o.masteryScore === null
      ? ''
      : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="obj-${id}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${o.masteryScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  const body = organizationAndResources(o, '2004', sequencing);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ident(o.id)}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
${body}
</manifest>
`;
}
