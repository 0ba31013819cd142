// Class names that turn a table into stacked cards below the md breakpoint, each cell labelled
// by its `data-label` (so phones never scroll sideways to read a row).
export const stackTable = 'w-full border-collapse text-left text-sm max-md:block md:min-w-[48rem]';
export const stackHead = 'max-md:hidden';
export const stackBody = 'max-md:block';
export const stackRow =
  'max-md:mb-2 max-md:block max-md:rounded-md max-md:border max-md:border-slate-300 max-md:p-2';
export const stackCell =
  'max-md:block max-md:py-0.5 max-md:before:mr-2 max-md:before:font-semibold max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]';
