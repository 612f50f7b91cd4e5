// A handful of 16px line icons, drawn inline so the app needs no icon font or network.
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const IconOverview = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2" y="2" width="5" height="5" rx="1" />
    <rect x="9" y="2" width="5" height="5" rx="1" />
    <rect x="2" y="9" width="5" height="5" rx="1" />
    <rect x="9" y="9" width="5" height="5" rx="1" />
  </Icon>
);

export const IconSettings = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="2.2" />
    <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
  </Icon>
);

export const IconChevronDown = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 6l4 4 4-4" />
  </Icon>
);

export const IconRefresh = (p: IconProps) => (
  <Icon {...p}>
    <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" />
    <path d="M13.5 2.5v3h-3" />
  </Icon>
);

export const IconCheck = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 8.5l3 3 7-7" />
  </Icon>
);

export const IconClose = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
);

export const IconPlus = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);

export const IconWarning = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 2l6.5 11.5h-13z" />
    <path d="M8 6.5v3M8 11.5v.01" />
  </Icon>
);

export const IconCluster = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.5l5.6 3.2v6.6L8 14.5l-5.6-3.2V4.7z" />
    <circle cx="8" cy="8" r="1.8" />
  </Icon>
);

export const IconRegistry = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2.5 4.5l5.5-3 5.5 3-5.5 3z" />
    <path d="M2.5 8l5.5 3 5.5-3M2.5 11.5l5.5 3 5.5-3" />
  </Icon>
);

export const IconMetrics = (p: IconProps) => (
  <Icon {...p}>
    <path d="M1.5 13.5h13" />
    <path d="M2.5 10.5l3-3.5 3 2 4.5-5.5" />
  </Icon>
);

export const IconBell = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11z" />
    <path d="M6.5 14a1.5 1.5 0 0 0 3 0" />
  </Icon>
);

export const IconKeyboard = (p: IconProps) => (
  <Icon {...p}>
    <rect x="1.5" y="4" width="13" height="8" rx="1.5" />
    <path d="M4 7h.01M6.5 7h.01M9 7h.01M11.5 7h.01M5 9.5h6" />
  </Icon>
);

export const IconPipelines = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="3.5" cy="4" r="1.5" />
    <circle cx="12.5" cy="4" r="1.5" />
    <circle cx="8" cy="12" r="1.5" />
    <path d="M5 4h6M4.3 5.3l2.9 5.4M11.7 5.3l-2.9 5.4" />
  </Icon>
);

export const IconAudit = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.5l5.5 2v4c0 3.5-2.4 6-5.5 7-3.1-1-5.5-3.5-5.5-7v-4z" />
    <path d="M5.5 8l2 2 3-3.5" />
  </Icon>
);

export const IconClock = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M8 4.5V8l2.5 1.5" />
  </Icon>
);

export const IconServing = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2" y="2.5" width="12" height="4.5" rx="1" />
    <rect x="2" y="9" width="12" height="4.5" rx="1" />
    <path d="M4.5 4.75h.01M4.5 11.25h.01" />
  </Icon>
);

export const IconGpu = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2" y="4" width="12" height="8" rx="1" />
    <rect x="5" y="6.5" width="3" height="3" />
    <path d="M4 12v2M7 12v2M10 12v2M14 7h1.5M14 9h1.5" />
  </Icon>
);
