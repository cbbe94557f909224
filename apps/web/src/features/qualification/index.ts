export { QualificationPathSection } from './components/QualificationPathSection';
export { TrainingSection } from './components/TrainingSection';
