/** Word lists for generated people and companies. Addresses use reserved example domains. */

// prettier-ignore
export const FIRST_NAMES = [
  'Aaliyah', 'Abdul', 'Adriana', 'Ahmed', 'Aiko', 'Alejandro', 'Amara', 'Amir', 'Ana', 'Andrei',
  'Aisha', 'Ben', 'Bianca', 'Bogdan', 'Carlos', 'Carmen', 'Chen', 'Chiara', 'Chloe', 'Chidi',
  'Daniel', 'Dana', 'Darius', 'Deepa', 'Diego', 'Dmitri', 'Elena', 'Emeka', 'Emma', 'Ethan',
  'Fatima', 'Felipe', 'Freya', 'Gabriel', 'Grace', 'Hana', 'Hassan', 'Hiro', 'Ibrahim', 'Ines',
  'Isabel', 'Ivan', 'Jamal', 'Jana', 'Javier', 'Jin', 'Joao', 'Jordan', 'Jose', 'Julia',
  'Kai', 'Kavya', 'Kemal', 'Keisha', 'Kofi', 'Lars', 'Layla', 'Leila', 'Liam', 'Lina',
  'Lucas', 'Luis', 'Maya', 'Marco', 'Maria', 'Mateo', 'Mei', 'Miguel', 'Mohammed', 'Nadia',
  'Naomi', 'Nikhil', 'Nina', 'Noah', 'Olga', 'Omar', 'Oscar', 'Priya', 'Rafael', 'Rahul',
  'Rosa', 'Ruth', 'Samir', 'Sara', 'Sean', 'Sofia', 'Sven', 'Tariq', 'Thanh', 'Tomas',
  'Uma', 'Valentina', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zainab', 'Zoe', 'Zheng', 'Tyrone',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Abara', 'Adeyemi', 'Ahmadi', 'Alvarez', 'Andersson', 'Bakker', 'Banerjee', 'Becker', 'Bianchi', 'Brown',
  'Castillo', 'Chen', 'Costa', 'Cruz', 'Dang', 'Das', 'Diaz', 'Dubois', 'Eriksen', 'Evans',
  'Fernandes', 'Fischer', 'Garcia', 'Gomez', 'Gupta', 'Haddad', 'Hansen', 'Hernandez', 'Hoang', 'Ibrahim',
  'Ito', 'Ivanova', 'Jackson', 'Jensen', 'Johnson', 'Kaur', 'Khan', 'Kim', 'Kowalski', 'Kumar',
  'Larsen', 'Lee', 'Lopez', 'Martin', 'Martinez', 'Mendoza', 'Morales', 'Mueller', 'Nakamura', 'Ncube',
  'Nguyen', 'Novak', 'Obi', 'Okafor', 'Oliveira', 'Ortiz', 'Park', 'Patel', 'Perez', 'Petrov',
  'Popescu', 'Qureshi', 'Ramirez', 'Reyes', 'Rossi', 'Rodriguez', 'Sato', 'Schmidt', 'Silva', 'Singh',
  'Smith', 'Sokolov', 'Suzuki', 'Tanaka', 'Torres', 'Tran', 'Vargas', 'Walker', 'Wang', 'Williams',
] as const;

// prettier-ignore
export const COMPANY_FIRST = [
  'Northwind', 'Bluebird', 'Swift', 'Harbor', 'Summit', 'Metro', 'Redline', 'Greenway', 'Lakeside', 'Copper',
  'Atlas', 'Beacon', 'Cedar', 'Keystone', 'Pioneer', 'Quickstep', 'Riverbend', 'Silverline', 'Trailhead', 'Urban',
] as const;

// prettier-ignore
export const COMPANY_SECOND = [
  'Couriers', 'Logistics', 'Delivery', 'Express', 'Freight', 'Dispatch', 'Fleet', 'Runners', 'Transit', 'Foods',
] as const;

export const COMPANY_SUFFIX = ['', '', ' LLC', ' Inc.', ' Ltd', ' Co.', ' Group'] as const;

export const CUSTOMER_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export const LANGUAGES = ['en', 'en', 'en', 'es', 'fr', 'de', 'pt', 'hi', 'ar'] as const;

export function emailSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.');
}
