; Inno Setup 6 script for Windows: a per-user installer (no administrator rights asked) of the
; one-folder build dist\sandbox-applicant-kit\, made on Windows by `python3 dev.py package`, which
; also writes build\windows\texts.iss (the file types' names in each language, from the catalogue).
;     iscc /DAppVersion=0.1.0 packaging\windows\sandbox-applicant-kit.iss
; The version comes from pyproject.toml (.github/workflows/package.yml passes it). Uninstalling
; removes the program's folder and its registry entries only: drafts, their backups and settings
; live in the user's own folders and stay.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z
#endif

[Setup]
AppId={{6C1E7B52-5F0C-4E0B-9B3D-2A7E5D9C4F11}
AppName=Sandbox Applicant Kit
AppVersion={#AppVersion}
AppVerName=Sandbox Applicant Kit {#AppVersion}
DefaultDirName={autopf}\Sandbox Applicant Kit
DefaultGroupName=Sandbox Applicant Kit
DisableProgramGroupPage=yes
; Per user: installs under %LOCALAPPDATA%\Programs and writes HKCU only.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=sandbox-applicant-kit-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\icons\app.ico
UninstallDisplayIcon={app}\sandbox-applicant-kit.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

#include "..\..\build\windows\texts.iss"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\sandbox-applicant-kit\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Sandbox Applicant Kit"; Filename: "{app}\sandbox-applicant-kit.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\Sandbox Applicant Kit"; Filename: "{app}\sandbox-applicant-kit.exe"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install. Authority kits (.sandboxkit) are ours: a double-click opens them.
Root: HKA; Subkey: "Software\Classes\.sandboxkit"; ValueType: string; ValueName: ""; ValueData: "SandboxApplicantKit.Kit"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.sandboxkit\OpenWithProgids"; ValueType: string; ValueName: "SandboxApplicantKit.Kit"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\SandboxApplicantKit.Kit"; ValueType: string; ValueName: ""; ValueData: "{cm:KitType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\SandboxApplicantKit.Kit\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\sandbox-applicant-kit.exe,0"
Root: HKA; Subkey: "Software\Classes\SandboxApplicantKit.Kit\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\sandbox-applicant-kit.exe"" ""%1"""
; Drafts (.json) and dossiers (.pdf, .json): offered under "Open with", never taken from the program
; that opens them now (a .json or .pdf is not always ours).
Root: HKA; Subkey: "Software\Classes\SandboxApplicantKit.Document"; ValueType: string; ValueName: ""; ValueData: "{cm:DocumentType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\SandboxApplicantKit.Document\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\sandbox-applicant-kit.exe,0"
Root: HKA; Subkey: "Software\Classes\SandboxApplicantKit.Document\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\sandbox-applicant-kit.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "SandboxApplicantKit.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "SandboxApplicantKit.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\sandbox-applicant-kit.exe\SupportedTypes"; ValueType: string; ValueName: ".sandboxkit"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\sandbox-applicant-kit.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\sandbox-applicant-kit.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""

[Run]
Filename: "{app}\sandbox-applicant-kit.exe"; Description: "{cm:LaunchProgram,Sandbox Applicant Kit}"; Flags: nowait postinstall skipifsilent
