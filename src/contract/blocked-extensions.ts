/**
 * The attachment extensions SES rejects (reference R22, "Unsupported attachment types" in the SES
 * developer guide). Shared by the raw MIME rule (C-MIME8) and the Simple/Template `Attachments` rule
 * (C-CONT5), so both check a file name the same way.
 */
// Copied as written in R22, so the two can be compared by eye.
const R22 =
  '.ade .adp .app .asp .bas .bat .cer .chm .cmd .com .cpl .crt .csh .der .exe .fxp .gadget .hlp ' +
  '.hta .inf .ins .isp .its .js .jse .ksh .lib .lnk .mad .maf .mag .mam .maq .mar .mas .mat .mau ' +
  '.mav .maw .mda .mdb .mde .mdt .mdw .mdz .msc .msh .msh1 .msh2 .mshxml .msh1xml .msh2xml .msi ' +
  '.msp .mst .ops .pcd .pif .plg .prf .prg .reg .scf .scr .sct .shb .shs .sys .ps1 .ps1xml .ps2 ' +
  '.ps2xml .psc1 .psc2 .tmp .url .vb .vbe .vbs .vps .vsmacros .vss .vst .vsw .vxd .ws .wsc .wsf ' +
  '.wsh .xnk';

export const BLOCKED_EXTENSIONS: ReadonlySet<string> = new Set(R22.split(' ').map((entry) => entry.slice(1)));

/**
 * The extension of `fileName` (lower case, without the dot) when SES blocks it, else undefined.
 * Case does not matter (`X.EXE` is blocked). Surrounding whitespace is ignored because mail clients
 * trim it; a trailing dot leaves an empty extension, which is not on the list.
 */
export function blockedExtension(fileName: string): string | undefined {
  const name = fileName.trim();
  const dot = name.lastIndexOf('.');
  if (dot === -1) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  return BLOCKED_EXTENSIONS.has(extension) ? extension : undefined;
}
