import { useMemo } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { ClassroomRoute } from '../router';
import { createClassroomApi } from './classroomApi';
import { JoinPage } from './JoinPage';
import { NewClassPage } from './NewClassPage';
import { StudentPage } from './StudentPage';
import { TeacherPage } from './TeacherPage';
import './classroom.css';

/** The classroom's pages by route (docs/classroom.md). */
export function ClassroomPages({ api, route }: { api: ApiClient; route: ClassroomRoute }) {
  const classroom = useMemo(() => createClassroomApi(), []);
  switch (route.name) {
    case 'class-new':
      return <NewClassPage api={api} classroom={classroom} />;
    case 'join':
      return <JoinPage api={api} classroom={classroom} code={route.code} />;
    case 'teach':
      return <TeacherPage key={route.classId} api={api} classroom={classroom} classId={route.classId} />;
    case 'class':
      return <StudentPage key={route.classId} api={api} classroom={classroom} classId={route.classId} />;
  }
}
