'use client';

import type { BoardView } from '@/lib/views/types';
import { useLiveBoard, type BoardFilters } from '@/lib/api-client';
import { useNow } from '@/components/ui/use-now';
import { BoardScreen } from './board-screen';

/** The board, live: first paint from the server's data, then the SSE stream updates it in place. */
export function LiveBoard({
  initial,
  filters,
  kiosk,
}: {
  initial: BoardView;
  filters: BoardFilters;
  kiosk: boolean;
}) {
  const live = useLiveBoard(filters, initial);
  const now = useNow(initial.generatedAt);
  return (
    <BoardScreen
      board={live.data ?? initial}
      connection={live.connection}
      lastUpdateAt={live.lastUpdateAt ?? initial.generatedAt}
      contact={live.contact}
      downSince={live.downSince}
      now={now}
      kiosk={kiosk}
    />
  );
}
